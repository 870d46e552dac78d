"""Write a copy of a PolNeAR split's texts in which the NYT archive's '' marks read as double marks.

    python bench/doubled_gold.py ../shared/polnear/dev /tmp/dq/dev
    python ../shared/eval/score.py ../shared/polnear/dev --gold-text /tmp/dq/dev/text --cmd "..."

The scorer takes an attribution as a direct quotation when its content holds a
double mark (" “ ” « » „ ‟); the NYT articles write double quotation marks as two
straight singles (''), so none of their quotations count as gold, and every one we
find there counts against precision. Here each '' becomes "" (same length, so every
offset holds) and the copy is passed as --gold-text: the system still reads the
original texts, only the choice of gold quotations changes.
"""
from __future__ import annotations

import sys
from pathlib import Path


def main(corpus: Path, out: Path) -> None:
    (out / "text").mkdir(parents=True, exist_ok=True)
    for f in sorted((corpus / "text").glob("*.txt")):
        text = f.read_bytes().decode("utf-8")
        (out / "text" / f.name).write_bytes(text.replace("''", '""').encode("utf-8"))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
