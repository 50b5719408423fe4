"""The words a query is ranked on, cut with the index's own vocabulary instead of jieba.

The index holds every word jieba's search mode cut from the blocks; ranking needs the query cut
the same way, into words the index knows. Cutting it with that vocabulary gives the words
jieba would have given wherever it matters (a word the index never saw ranks nothing) and
spares the window jieba's dictionary (~70 MiB, and a second to load) for as long as it only
searches: jieba is loaded to write the index, not to read it.

The cut follows jieba's search mode: the longest known word at each place (forward maximum
matching), and inside each word longer than two characters the known words of two and three
characters (``jieba.cut_for_search`` adds those it finds in its dictionary).

The vocabulary stands in for jieba's dictionary except in one place: runs of Latin letters and
digits. jieba keeps such a run whole (``chatgpt``, ``1000``) and its dictionary has no Latin
word shorter than four characters, but the index knows ``ai``, ``gc``, ``10`` and single letters
from text where they stood alone. Taken from inside ``aigc``, they would rank on words the
index never cut from that text, and a common query would count three words in 60,000 blocks
instead of one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

LONGEST_WORD = 8  # characters: longer runs are not one word (jieba's longest are idioms and names)
SHORTEST_LATIN_WORD = 4  # jieba's dictionary has no shorter word of Latin letters and digits only
_LATIN = re.compile(r"[a-z0-9]+", re.ASCII | re.IGNORECASE)


def query_words(folded: str, known: Callable[[str], bool]) -> list[str]:
    """The known words of the (folded) query text, in order, each once."""

    def is_word(start: int, end: int) -> bool:
        word = folded[start:end]
        if end - start < SHORTEST_LATIN_WORD and _LATIN.fullmatch(word):
            neighbours = folded[start - 1 : start] + folded[end : end + 1]  # [-1:0] is empty
            if _LATIN.search(neighbours):
                return False  # a piece of a longer run, which jieba keeps whole
        return known(word)

    words: list[str] = []
    position = 0
    while position < len(folded):
        for end in range(min(len(folded), position + LONGEST_WORD), position, -1):
            if is_word(position, end):
                break
        else:
            position += 1  # a character the index never saw as a word, nor the start of one
            continue
        for size in (2, 3):
            words += [
                folded[start : start + size]
                for start in range(position, end - size + 1)
                if end - position > size and is_word(start, start + size)
            ]
        words.append(folded[position:end])
        position = end
    return list(dict.fromkeys(words))
