"""Make a copy of a brat corpus whose double quotation marks follow another house style.

    python bench/restyle.py CORPUS OUT STYLE

CORPUS holds text/ and attributions/. OUT/text gets each article with every
double mark (" “ ” « » „ ‟) replaced by ONE code point of STYLE, so every
offset in the annotations still holds; OUT/attributions is a symlink to the
original annotations. Score with ``score.py OUT --gold-text CORPUS/text`` so
the gold quotations are still chosen by the original double marks.

STYLE is one of: single (' '), curly-single (‘ ’), guillemets (« »),
reversed (» «), german („ “), straight (" ").

Whether a straight " opens or closes is decided here, independently of the
detector, by its neighbours (a space or line start before it opens, a space,
punctuation or line end after it closes) and otherwise by alternation within
the paragraph. Two straight singles used as a double mark ('') are left as they
are: replacing them with one code point would move every later offset.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

DOUBLE_MARKS = '"“”«»„‟'
OPENING = "“«„‟"
STYLES = {
    "single": ("'", "'"),
    "curly-single": ("‘", "’"),
    "guillemets": ("«", "»"),
    "reversed": ("»", "«"),
    "german": ("„", "“"),
    "straight": ('"', '"'),
}


def restyle(text: str, style: str) -> str:
    """``text`` with every double quotation mark rewritten in ``style``, one code point for one."""
    opening, closing = STYLES[style]
    out = list(text)
    pending = False  # a straight " opened in this paragraph and not yet closed
    for i, c in enumerate(text):
        if c == "\n":
            pending = False
        if c not in DOUBLE_MARKS:
            continue
        if c == '"':
            opens = _straight_opens(text, i, pending)
            pending = opens
        else:
            opens = c in OPENING
        out[i] = opening if opens else closing
    return "".join(out)


def _straight_opens(text: str, i: int, pending: bool) -> bool:
    """Whether the straight double mark at ``i`` opens, from its neighbours, else by alternation."""
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before.isspace() or before in "([{—–-" and not after.isspace():
        return not after.isspace()
    if after.isspace() or after in ",.;:!?)]}—–-":
        return False
    return not pending


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("style", choices=sorted(STYLES))
    args = ap.parse_args()
    (args.out / "text").mkdir(parents=True, exist_ok=True)
    n = 0
    for src in sorted((args.corpus / "text").glob("*.txt")):
        text = src.read_bytes().decode("utf-8")
        new = restyle(text, args.style)
        assert len(new) == len(text)
        (args.out / "text" / src.name).write_bytes(new.encode("utf-8"))
        n += 1
    link = args.out / "attributions"
    if not link.exists():
        os.symlink((args.corpus / "attributions").resolve(), link)
    print(f"{n} articles restyled as {args.style} in {args.out}")


if __name__ == "__main__":
    main()
