"""The exception tree. Every error a user can cause derives from ReaderError and carries a
one-line message that the CLI prints as is (no traceback) and the window shows in a dialog.

ReaderError
├── ImportRejected      a file cannot be imported (binary, empty, too large, undecodable)
├── UnknownArticle      an article id that is not in the library
└── DataError           the user's data cannot be read or written (permissions, corruption)
"""


class ReaderError(Exception):
    """Base of every error the user should see as one plain line."""


class ImportRejected(ReaderError):
    """A file was refused by the importer; nothing already imported is touched."""


class UnknownArticle(ReaderError):
    """No article with that id in the library."""

    def __init__(self, article_id: str) -> None:
        super().__init__(f"no article with id {article_id!r} (see 'aigc-reader list')")
        self.article_id = article_id


class DataError(ReaderError):
    """The user's data directory or one of its files is unusable."""
