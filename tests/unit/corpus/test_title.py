"""An article without a declared title takes its first heading."""

from __future__ import annotations

from desktop_app.corpus.model import Block, BlockKind
from desktop_app.corpus.title import derive_title


def test_the_first_heading_is_the_title() -> None:
    assert derive_title([Block(BlockKind.PARAGRAPH, "导语"), Block(BlockKind.HEADING, "真正的标题")]) == "真正的标题"
