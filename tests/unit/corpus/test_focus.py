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


def test_focus_on_any_speaker_of_any_bundled_article_shows_only_them_their_hosts_and_headings(library: Library) -> None:
    for article in library.articles():
        hosts = {s.name for s in article.speakers if s.role == "host"}
        headings = {topic.block for topic in article.topics}
        for speaker in article.speakers:
            shown = speaker_focus_blocks(article, speaker.name)
            for number in shown:
                block = article.blocks[number]
                assert block.speaker in {speaker.name, *hosts} or number in headings, (article.id, speaker.name, number)
            assert all(turn.block in shown for turn in article.turns if turn.speaker == speaker.name)


def test_a_roundtable_without_a_host_shows_the_question_headings_not_the_previous_guest(library: Library) -> None:
    article = library.get("000_5b4e62939488a476")
    shown = speaker_focus_blocks(article, "闫俊宇")
    assert {article.blocks[number].speaker for number in shown} == {"闫俊宇", None}
    assert 15 not in shown and 19 not in shown  # 胡家康's Q1 answer and 王思捷's Q2 answer
    assert {16, 20, 35} <= shown  # the Q2, Q3 and Q7 headings that 闫俊宇 answers


def test_a_talks_one_long_turn_is_shown_whole_past_its_headings(library: Library) -> None:
    talk = library.get("004_4e4413adbd14fea8")
    speaker = talk.turns[0].speaker
    shown = speaker_focus_blocks(talk, speaker)
    assert {n for n, b in enumerate(talk.blocks) if b.speaker == speaker} <= shown
