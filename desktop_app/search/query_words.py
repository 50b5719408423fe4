"""The words a query is ranked on, cut with the index's own vocabulary instead of jieba.

The index holds every word jieba's search mode cut from the blocks; ranking needs the query cut
the same way, into words the index knows. Cutting it with that vocabulary gives the words
jieba would have given wherever it matters (a word the index never saw ranks nothing) and
spares the window jieba's dictionary (~70 MiB, and a second to load) for as long as it only
searches: jieba is loaded to write the index, not to read it.

The cut follows jieba's search mode: the longest known word at each place (forward maximum
matching), and inside each word longer than two characters the known words of two and three
characters (``jieba.cut_for_search`` adds those it finds in its dictionary).
"""

from __future__ import annotations

from collections.abc import Callable

LONGEST_WORD = 8  # characters: longer runs are not one word (jieba's longest are idioms and names)


def query_words(folded: str, known: Callable[[str], bool]) -> list[str]:
    """The known words of the (folded) query text, in order, each once."""
    words: list[str] = []
    position = 0
    while position < len(folded):
        for end in range(min(len(folded), position + LONGEST_WORD), position, -1):
            word = folded[position:end]
            if known(word):
                break
        else:
            position += 1  # a character the index never saw as a word, nor the start of one
            continue
        for size in (2, 3):
            words += [
                part
                for start in range(len(word) - size + 1)
                if len(word) > size and known(part := word[start : start + size])
            ]
        words.append(word)
        position = end
    return list(dict.fromkeys(words))
