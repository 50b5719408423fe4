"""What every command receives: the resolved data paths and the objects built from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from desktop_app.corpus.library import Library
from desktop_app.paths import DataPaths


@dataclass
class Context:
    paths: DataPaths
    _cache: dict[str, object] = field(default_factory=dict)

    @cached_property
    def library(self) -> Library:
        return Library(self.paths)
