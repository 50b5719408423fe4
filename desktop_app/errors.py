"""The exception tree. Every error a user can cause derives from ReaderError and carries a
one-line message in the user's terms, never in one front end's: the CLI prints it (adding which
command helps, see cli/hints.py), the window shows it in a dialog (and offers its own buttons).

ReaderError
├── ImportRejected      a file cannot be imported (binary, empty, too large, undecodable)
├── UnknownArticle      an article id that is not in the library
├── AnnotationError     an annotation request that cannot be met (quote not found, bad colour…)
│   └── UnknownAnnotation   no annotation with that id (or an ambiguous prefix)
└── DataError           the user's data cannot be read or written (permissions, full disk, corruption)
    ├── StoreDamaged        annotations/store.py: the database was damaged and is kept aside
    ├── StoreMissing        annotations/store.py: the database is gone though backups hold annotations
    ├── DamageFound         annotations/store.py: SQLite found damage in the open database
    └── IndexDamaged        the search index cannot be read; a rebuild fixes it
"""


class ReaderError(Exception):
    """Base of every error the user should see as one plain line."""


class ImportRejected(ReaderError):
    """A file was refused by the importer; nothing already imported is touched."""


class UnknownArticle(ReaderError):
    """No article with that id in the library."""

    def __init__(self, article_id: str) -> None:
        super().__init__(f"no article with id {article_id!r}")
        self.article_id = article_id


class AnnotationError(ReaderError):
    """An annotation cannot be added, found or changed as asked."""


class UnknownAnnotation(AnnotationError):
    """No annotation with that id, or a prefix that fits several."""


class DataError(ReaderError):
    """The user's data directory or one of its files is unusable."""


class IndexDamaged(DataError):
    """The search index on disk cannot be read; rebuilding it loses nothing."""
