"""Which command helps, added to a core error's message by the command line only: the core
speaks in the user's terms, and the window offers buttons where the CLI names commands."""

from __future__ import annotations

from desktop_app.errors import IndexDamaged, ReaderError, UnknownAnnotation, UnknownArticle


def with_hint(error: ReaderError) -> str:
    hint = _hint(error)
    return f"{error} ({hint})" if hint else str(error)


def _hint(error: ReaderError) -> str | None:
    if isinstance(error, UnknownArticle):
        return "see 'aigc-reader list'"
    if isinstance(error, UnknownAnnotation):
        return "see 'aigc-reader annotate list'"
    if isinstance(error, IndexDamaged):
        return "run 'aigc-reader index --rebuild'"
    from desktop_app.annotations.store import (  # only when something failed
        DamageFound,
        StoreDamaged,
        StoreMissing,
    )

    if isinstance(error, StoreDamaged | StoreMissing | DamageFound):
        return "run 'aigc-reader annotate restore'"
    return None
