"""The version of the cleaning pipeline: bump it when cleaning changes, so caches parse again."""

PIPELINE_VERSION = 4  # 4: removed blocks know where they stood
