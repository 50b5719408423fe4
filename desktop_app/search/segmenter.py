"""jieba, loaded once, lazily, off the start-up path, with the corpus's user dictionary and its
cache file in the app's own cache dir (not the shared /tmp, where another user's file blocks it)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.fork_safe import ForkSafeLock
from desktop_app.paths import resources_dir

USER_DICTIONARY = "jieba_userdict.txt"
_lock = ForkSafeLock()
_loaded_with: Path | None = None


def ensure_loaded(cache_dir: Path) -> None:
    """Loads jieba's dictionary (about a second the first time) if not loaded yet."""
    global _loaded_with
    if _loaded_with is not None:
        return
    with _lock:
        if _loaded_with is not None:
            return
        import logging

        import jieba

        jieba.setLogLevel(logging.CRITICAL)  # a cache file it cannot write (a full disk) is no error of ours
        cache_dir.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(cache_dir)
        jieba.dt.cache_file = "jieba.cache"
        jieba.initialize()
        user_dictionary = resources_dir() / USER_DICTIONARY
        if user_dictionary.exists():
            with user_dictionary.open("rb") as stream:  # given a path, jieba never closes the file
                jieba.load_userdict(stream)
        _loaded_with = cache_dir


def is_loaded() -> bool:
    return _loaded_with is not None


def words(folded_text: str) -> list[str]:
    """Search-mode segmentation of already folded text (white space is gone already)."""
    import jieba

    return [word for word in jieba.cut_for_search(folded_text) if word.strip()]
