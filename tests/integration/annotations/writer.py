"""A child process that adds annotations as fast as it can and reports each one once saved.

Used by the durability tests: python writer.py DB COUNT [LABEL]. Prints the id of every
annotation after its commit returned, one a line, flushed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.annotations.model import Anchor, Annotation
from desktop_app.annotations.store import AnnotationStore


def main() -> None:
    database, count = Path(sys.argv[1]), int(sys.argv[2])
    label = sys.argv[3] if len(sys.argv) > 3 else "w"
    store = AnnotationStore(database)
    for number in range(count):
        annotation = Annotation.new(
            "000", Anchor("引用的文字", "前文", "后文", number, number + 5), note=f"{label} 第{number}条批注 " * 4
        )
        store.put(annotation)
        sys.stdout.write(annotation.id + "\n")
        sys.stdout.flush()
    store.close()


if __name__ == "__main__":
    main()
