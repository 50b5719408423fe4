"""The composition root: one user's library, annotations and search index, put together in one
place for the command line, the window, the self-test, the scripts and the tests.

Each object is built on first use, so a command pays only for what it touches (``list`` never
imports the search engine) and the window's first paint waits for neither jieba nor whoosh.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from desktop_app.errors import DataError, ReaderError
from desktop_app.paths import DataPaths, is_valid_user_name

if TYPE_CHECKING:
    from desktop_app.annotations.recovery import RestoreReport
    from desktop_app.annotations.service import Annotations
    from desktop_app.corpus.library import Library
    from desktop_app.search.index import SearchIndex


class Session:
    """``backup_on_open=False`` leaves the annotations' backup to ``annotations.store.refresh_backup()``
    (the window takes it after its first paint)."""

    def __init__(
        self,
        paths: DataPaths,
        *,
        backup_on_open: bool = True,
        library: Library | None = None,
        search_index: SearchIndex | None = None,
    ) -> None:
        self.paths = paths
        self.backup_on_open = backup_on_open
        self.problem: ReaderError | None = None  # why the annotations opened as unavailable (see open_leniently)
        if library is not None:
            self.__dict__["library"] = library
        if search_index is not None:
            self.__dict__["search_index"] = search_index

    @property
    def user(self) -> str:
        return self.paths.user

    @cached_property
    def library(self) -> Library:
        from desktop_app.corpus.library import Library

        return Library(self.paths)

    @cached_property
    def annotations(self) -> Annotations:
        """The user's annotations; raises a ReaderError when their database cannot be opened."""
        from desktop_app.annotations.service import Annotations
        from desktop_app.annotations.store import AnnotationStore

        try:
            self.paths.ensure_private_dir(self.paths.user_dir)
        except OSError as error:
            raise DataError(f"cannot create {self.paths.user_dir}: {error.strerror}") from error
        store = AnnotationStore(self.paths.annotations_db, backup_on_open=self.backup_on_open)
        return Annotations(store, self.library.get, self.user)

    @cached_property
    def search_index(self) -> SearchIndex:
        from desktop_app.search.index import SearchIndex

        return SearchIndex(self.paths.index_dir, self.paths.cache_dir)

    def open_leniently(self) -> ReaderError | None:
        """Opens the annotations; when they cannot be (damaged, missing, a full disk), opens in
        their place annotations that list and save nothing, and returns why, so that the window
        opens all the same and offers the restore."""
        try:
            self.annotations  # noqa: B018 - opening is the point
            return None
        except ReaderError as error:
            from desktop_app.annotations.service import Annotations
            from desktop_app.annotations.store import AnnotationStore

            self.problem = error
            store = AnnotationStore.unavailable(self.paths.annotations_db, str(error))
            self.__dict__["annotations"] = Annotations(store, self.library.get, self.user)
            return error

    def for_user(self, name: str) -> Session:
        """Another user's session over the same library and index (raises on a bad name)."""
        if not is_valid_user_name(name):
            raise DataError(f"invalid user name {name!r}: use letters, digits, '.', '_', '@' or '-'")
        other = Session(
            self.paths.for_user(name),
            backup_on_open=self.backup_on_open,
            library=self.library,
            search_index=self.__dict__.get("search_index"),
        )
        other.annotations  # noqa: B018 - a user whose database cannot be opened is refused here
        return other

    def restore(self) -> tuple[Session, RestoreReport]:
        """Salvages the damaged database and merges the backup (see annotations.recovery), then
        returns a session with the restored annotations and closes this one."""
        from desktop_app.annotations.recovery import restore

        self.paths.ensure_private_dir(self.paths.user_dir)
        report = restore(self.paths.annotations_db)
        restored = Session(
            self.paths,
            backup_on_open=self.backup_on_open,
            library=self.library,
            search_index=self.__dict__.get("search_index"),
        )
        restored.annotations  # noqa: B018
        self.close()
        return restored, report

    def close(self) -> None:
        """Closes the annotations if they were opened (the store takes its backup then)."""
        annotations = self.__dict__.pop("annotations", None)
        if annotations is not None:
            annotations.store.close()
