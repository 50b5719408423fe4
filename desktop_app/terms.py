"""A literal a user typed (a search term, an annotation filter), matched in either script:
數字人 finds 数字人 and 人工智慧 finds 人工智能, unless it asks for its own script only.
Below both search and annotations, like ``folding``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from desktop_app.chinese_scripts import is_traditional, simplified_forms, traditional_forms
from desktop_app.folding import fold_text, literal_spans


@dataclass(frozen=True)
class Term:
    """One literal a user typed, folded three ways:
    - ``key``: the typed text folded across scripts. Every text the term matches contains it,
      folded the same way, so it selects the candidates; in either script it matches as is;
    - ``simplified`` / ``traditional``: the other script's phrasings (``chinese_scripts``),
      which match text of that script only; ``traditional`` is made when first asked for (its
      dictionaries are large, and a library of Simplified text never needs them);
    - ``exact``: the typed script only (case, width and space still folded).
    """

    key: str
    simplified: tuple[str, ...]
    exact: str
    across_scripts: bool = True
    typed: str = ""

    @classmethod
    def of(cls, typed: str, across_scripts: bool) -> Term:
        key = fold_text(typed, scripts=True)
        if not across_scripts:
            return cls(key, (), fold_text(typed), across_scripts=False, typed=typed)
        return cls(key, _folded_forms(simplified_forms(typed), key), fold_text(typed), typed=typed)

    @cached_property
    def traditional(self) -> tuple[str, ...]:
        if not self.across_scripts:
            return ()
        return _folded_forms(traditional_forms(self.typed), self.key)

    def forms(self, traditional: bool) -> tuple[str, ...]:
        """What the term matches in (folded) text of that script."""
        return (self.key, *(self.traditional if traditional else self.simplified))

    def occurs(self, folded: str, exact_folded: str, traditional: bool) -> bool:
        """Whether the term occurs in a text, given the text folded across scripts, folded
        without them (``fold_text(text)``), and its script."""
        if self.key in folded:  # the common case, first: it is one C call
            return self.across_scripts or self.exact in exact_folded
        if not self.across_scripts:
            return False
        return any(form in folded for form in (self.traditional if traditional else self.simplified))

    def occurs_in(self, original: str) -> bool:
        """The same for a text not folded yet (an annotation's note, a tag)."""
        return self.occurs(fold_text(original, scripts=True), fold_text(original), bool(is_traditional(original)))


def _folded_forms(phrasings: tuple[str, ...], key: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for f in (fold_text(p, scripts=True) for p in phrasings) if f and f != key))


def term_spans(terms: list[Term], original: str, traditional: bool) -> list[tuple[int, int]]:
    """Where the terms occur in the original text (offsets into it), in order."""
    across = [form for term in terms if term.across_scripts for form in term.forms(traditional)]
    exact = [term.exact for term in terms if not term.across_scripts]
    return sorted(set(literal_spans(original, across, scripts=True)) | set(literal_spans(original, exact)))
