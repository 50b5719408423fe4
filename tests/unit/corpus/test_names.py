"""Speaker labels split into a name and what stands with it (a role, a title)."""

from __future__ import annotations

from desktop_app.corpus.names import (
    is_transliterated_name,
    looks_like_person_name,
    split_label,
    split_titled_label,
    surname_first,
)


def test_a_role_before_the_name_is_split_off() -> None:
    assert split_label("主持人 张三") == ("张三", "主持人", True)
    assert split_label("李四", ["李四"]) == ("李四", None, True)


def test_a_title_run_into_the_name_is_split_off() -> None:
    assert split_titled_label("某公司CEO张三") == ("张三", "某公司CEO")


def test_name_shapes() -> None:
    assert surname_first("欧阳娜娜") and looks_like_person_name("张三")
    assert is_transliterated_name("埃隆·马斯克")
