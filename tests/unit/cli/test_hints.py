"""The command line names the command that helps; the core's messages never do."""

from __future__ import annotations

from pathlib import Path

from desktop_app.annotations.store import DamageFound, StoreDamaged
from desktop_app.cli.hints import with_hint
from desktop_app.errors import AnnotationError, IndexDamaged, UnknownAnnotation, UnknownArticle


def test_each_kind_of_error_gets_the_command_that_helps() -> None:
    assert with_hint(UnknownArticle("x")) == "no article with id 'x' (see 'aigc-reader list')"
    assert with_hint(UnknownAnnotation("no annotation with id 'ab'")).endswith("(see 'aigc-reader annotate list')")
    assert with_hint(IndexDamaged("the search index is damaged")).endswith("(run 'aigc-reader index --rebuild')")
    damaged = StoreDamaged("is damaged", Path("/d/annotations.damaged-1.sqlite3"), None)
    assert "aigc-reader" not in str(damaged) and with_hint(damaged).endswith("(run 'aigc-reader annotate restore')")
    assert with_hint(DamageFound("damaged")).endswith("(run 'aigc-reader annotate restore')")
    assert with_hint(AnnotationError("the quote is empty")) == "the quote is empty"
