"""What every command receives: the resolved data paths and the objects built from them, built
on first use (the window's start-up must not pay for the search engine's imports)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from desktop_app.paths import DataPaths

if TYPE_CHECKING:
    from desktop_app.annotations.service import Annotations
    from desktop_app.corpus.library import Library
    from desktop_app.search.index import SearchIndex


@dataclass
class Context:
    paths: DataPaths

    @cached_property
    def library(self) -> Library:
        from desktop_app.corpus.library import Library

        return Library(self.paths)

    @cached_property
    def annotations(self) -> Annotations:
        from desktop_app.annotations.service import Annotations
        from desktop_app.annotations.store import AnnotationStore

        self.paths.ensure_private_dir(self.paths.user_dir)
        return Annotations(AnnotationStore(self.paths.annotations_db), self.library.get, self.paths.user)

    @cached_property
    def search_index(self) -> SearchIndex:
        from desktop_app.search.index import SearchIndex

        return SearchIndex(self.paths.index_dir, self.paths.cache_dir)

    def close(self) -> None:
        """Closes what the command opened (the annotations store takes its backup then)."""
        if "annotations" in self.__dict__:
            self.annotations.store.close()
