"""aigc-reader: a desktop reader for Chinese articles."""

__version__ = "0.1.0"
