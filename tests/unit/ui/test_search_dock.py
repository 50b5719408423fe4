"""The search dock and the find bar as a reader uses them: a speaker's name, either script,
the 简繁 switch, the 批注 group, and snippets with their matches bold and coloured."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from desktop_app.annotations.colors import color_named
from desktop_app.search.index import HitPart
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.search_panel import AnnotationRole, HitRole, HtmlRole, SpeakerRole
from tests.unit.ui.test_main_window import type_chinese

A001, A002, A003 = "001_dc22e9bd72705afd", "002_24c868e8aabdd4fe", "003_dc324faea7d1abe7"


def search(window: MainWindow, qtbot: QtBot, text: str) -> list[QModelIndex]:
    """Types the query into the dock and waits for its results; the rows under each group."""
    panel = window.search_panel
    if not panel._ready:  # noqa: SLF001
        window.start_background_loading()
        qtbot.waitUntil(lambda: panel._ready, timeout=60_000)  # noqa: SLF001
    panel.query.clear()
    before = panel.status.text()
    type_chinese(panel.query, text)
    qtbot.waitUntil(
        lambda: panel.status.text() != before and "结果" in panel.status.text() or "没有" in panel.status.text(),
        timeout=10_000,
    )
    model = panel.results_model
    return [
        model.index(row, 0, model.index(group, 0))
        for group in range(model.rowCount())
        for row in range(model.rowCount(model.index(group, 0)))
    ]


def test_a_speakers_name_offers_their_turns_and_opens_one_with_the_name_selected(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    rows = search(window, qtbot, "李笛")
    assert rows[0].data(SpeakerRole) in ((A001, "李笛"), [A001, "李笛"])
    assert rows[0].data() == "李笛 · 2 段发言（只看此人）"
    turns = [row.data(HitRole) for row in rows[1:3]]
    assert all(hit.part == HitPart.SPEAKER and hit.article == A001 for hit in turns)
    # The two turns share one speaker line; each row says how its turn opens.
    openings = [" ".join(window.library.get(A001).blocks[hit.block].text.split())[:12] for hit in turns]
    assert openings[0] != openings[1]
    for row, hit, opening in zip(rows[1:3], turns, openings, strict=True):
        assert row.data().startswith(f"【李笛】{hit.text[2:]} — {opening}")
        assert opening in row.data(HtmlRole) and opening in row.data(Qt.ItemDataRole.ToolTipRole)
    window.search_panel.results.setCurrentIndex(rows[1])
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    assert window.reader.article is not None and window.reader.article.id == A001
    assert window.reader.textCursor().selectedText() == "李笛"
    # The speaker row shows only 李笛's turns.
    window.search_panel.on_result_activated(rows[0])
    assert window.outline.focus_button.isChecked() and window.outline.selected_speaker() == "李笛"


def test_traditional_query_finds_simplified_text_unless_the_switch_is_off(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    rows = search(window, qtbot, "數字人")
    hits = [row.data(HitRole) for row in rows if row.data(HitRole) is not None]
    assert hits and all(hit.text[s:e] == "数字人" for hit in hits for s, e in hit.matches)
    shown_on = window.search_panel.across_scripts.icon().cacheKey()
    window.search_panel.across_scripts.trigger()  # off: the typed script only (a click on its icon)
    assert window.search_panel.across_scripts.icon().cacheKey() != shown_on  # the field shows it is off
    qtbot.waitUntil(lambda: window.search_panel.status.text() == "没有找到“數字人”", timeout=10_000)
    assert not window.find_bar.across_scripts.isChecked()  # one switch for search and find
    window.search_panel.across_scripts.trigger()


def test_snippets_mark_every_match_bold_in_the_highlight_colour_and_start_near_it(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    rows = search(window, qtbot, "大模型")
    yellow = color_named("yellow").light
    for row in rows:
        hit = row.data(HitRole)
        if hit is None:
            continue
        html = row.data(HtmlRole)
        assert f"<b style='background-color:{yellow}'>" in html
        plain = row.data()
        assert plain.index("【") <= 16 + len(hit.speaker or "")  # the match is on the first line, not cut off
        assert f"background-color:{yellow}'>大模型</b>" in row.data(Qt.ItemDataRole.ToolTipRole)


def test_a_note_is_found_in_the_annotations_group_and_opens_its_passage(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    placed = window.annotations.add_quote(A002, "数字人", 1, "重要：商業模式 <b>not bold</b>", "green", ["商业"])
    rows = search(window, qtbot, "商业模式")
    assert rows[0].data(AnnotationRole) is not None
    assert window.search_panel.results_model.index(0, 0).data() == "批注 · 1 条"
    assert "&lt;b&gt;not bold&lt;/b&gt;" in rows[0].data(HtmlRole)  # the note's markup is shown, not applied
    window.search_panel.on_result_activated(rows[0])
    assert window.reader.article is not None and window.reader.article.id == A002
    assert window.reader.textCursor().selectedText() == "数字人"
    assert window.annotations_panel.selected().annotation.id == placed.annotation.id


def test_find_bar_folds_the_scripts_with_the_same_switch(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_passage(A002, None)
    window.navigation.find()
    type_chinese(window.find_bar, "數字人")
    count = window.reader.toPlainText().count("数字人")
    assert window.find_bar.matches == count > 3
    assert window.reader.textCursor().selectedText() == "数字人"
    qtbot.keyClick(window.find_bar, Qt.Key.Key_F3)
    qtbot.keyClick(window.find_bar, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.textCursor().selectedText() == "数字人"
    window.find_bar.across_scripts.trigger()
    assert window.find_bar.matches == 0
    assert not window.search_panel.across_scripts.isChecked() and not window.settings.across_scripts
    window.find_bar.across_scripts.trigger()
    assert window.find_bar.matches == count and window.settings.across_scripts


def test_the_engine_is_imported_a_group_an_event_loop_turn_then_the_index_loads(  # type: ignore[no-untyped-def]
    make_window, qtbot: QtBot, monkeypatch
) -> None:
    # The window imports whoosh, jieba and NumPy on its own thread; one group a turn of the
    # event loop keeps each stall to one group's import instead of all of them at once.
    from desktop_app.ui import search_panel

    window = make_window()
    imported: list[tuple[str, ...]] = []
    monkeypatch.setattr(search_panel, "engine_to_import", lambda: [("json",), ("csv",), ("html",)])
    monkeypatch.setattr(search_panel, "import_engine", lambda groups: imported.extend(groups))
    window.start_background_loading()
    assert imported == [("json",)]  # the first group now, the others on later turns
    qtbot.waitUntil(lambda: len(imported) == 3, timeout=5_000)
    assert imported == [("json",), ("csv",), ("html",)]
    qtbot.waitUntil(lambda: window.search_panel._ready, timeout=60_000)  # noqa: SLF001
    assert search(window, qtbot, "李笛")


def test_a_selected_row_is_drawn_in_the_selections_text_colour_with_its_match_still_bold(  # type: ignore[no-untyped-def]
    make_window, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QColor, QFont, QTextDocument

    from desktop_app.ui.search_panel import as_selected

    window = make_window()
    rows = search(window, qtbot, "李笛")
    document = QTextDocument()
    document.setHtml(rows[1].data(HtmlRole))  # a speaker line, marked, and its turn's opening in grey

    def fragments() -> list[tuple[str, str, int, bool]]:
        found, block = [], document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                style = fragment.charFormat()
                bold = style.fontWeight() >= QFont.Weight.Bold
                found.append(
                    (fragment.text(), style.foreground().color().name(), style.background().color().alpha(), bold)
                )
                iterator += 1
            block = block.next()
        return found

    before = fragments()
    assert any(bold and alpha for text, _, alpha, bold in before if "李笛" in text)  # the match: bold, on colour
    assert any(colour != "#000000" for text, colour, _, _ in before if "—" in text)  # the opening: grey
    as_selected(document, QColor("#ffffff"))
    after = fragments()
    assert "".join(text for text, *_ in after) == "".join(text for text, *_ in before)
    assert all(colour == "#ffffff" and alpha == 0 for _, colour, alpha, _ in after)
    assert any(bold for text, _, _, bold in after if "李笛" in text)
