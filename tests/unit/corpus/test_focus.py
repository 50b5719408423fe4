from desktop_app.corpus.focus import speaker_focus_blocks
from desktop_app.corpus.library import Library

A003 = "003_dc324faea7d1abe7"


def test_focus_keeps_the_speakers_turns_and_the_hosts_questions(library: Library) -> None:
    article = library.get(A003)
    shown = speaker_focus_blocks(article, "朱雷")
    speakers = {article.blocks[number].speaker for number in shown}
    assert speakers == {"朱雷", "金磊"}  # their answers and the host's questions, nobody else's
    for turn in article.turns:
        if turn.speaker == "朱雷":
            assert turn.block in shown
    # Every question shown comes right before one of 朱雷's answers, with only other answers between.
    asked = sorted(t.block for t in article.turns if t.speaker == "金磊" and t.block in shown)
    answered = [t.block for t in article.turns if t.speaker == "朱雷"]
    assert len(asked) == len(answered)
    assert all(any(question < answer for answer in answered) for question in asked)
    assert 9 not in shown and 12 not in shown  # 陈石's and 马千里's answers to the first question


def test_an_unknown_speaker_shows_nothing(library: Library) -> None:
    assert speaker_focus_blocks(library.get(A003), "无名氏") == set()
