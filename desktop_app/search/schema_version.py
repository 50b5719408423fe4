"""The index schema's version: bump it when the schema or the block table changes, so that
old indexes are rebuilt."""

SCHEMA_VERSION = 5
