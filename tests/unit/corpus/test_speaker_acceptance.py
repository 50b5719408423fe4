"""Whether a label names a speaker is decided over the whole article: a word used once as a
label ('注意：') is not a speaker, names that recur are."""

from __future__ import annotations

from desktop_app.corpus.raw import RawBlock
from desktop_app.corpus.speaker_acceptance import accept_labels, is_person_name
from desktop_app.corpus.speaker_labels import find_label


def test_recurring_name_labels_are_accepted_and_a_one_off_word_is_not() -> None:
    texts = ["张三：你好。", "李四：我来回答。", "张三：再说一句。", "注意：这是提示。", "李四：好的。"]
    candidates = [found for text in texts if (found := find_label(RawBlock.plain(text))) is not None]
    assert accept_labels(candidates) == {"张三", "李四"}


def test_the_tagger_reads_a_name_as_a_name() -> None:
    assert is_person_name("张三") and not is_person_name("人工智能")
