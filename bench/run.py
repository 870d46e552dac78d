"""Run the benchmarks: ``python bench/run.py [NAME ...] [--limit N] [--corpus DIR]``.

NAME is any of (default: all, in this order):

  extract   quotes extract vs plain spaCy nlp.pipe (floor) vs textacy direct_quotations, same run
  workers   quotes extract --workers 2 vs --workers 1 (whole command)
  index     speaker index ingest, `quotes list --speaker` and 1,000 more quotations, JSON and SQLite storage side by side
  profile   where our non-spaCy time goes (cProfile of the stages after the parse)
  components  the parse component by component, spaCy's stock pipeline against the one quotes loads
  serve     quotes serve's speaker page and speaker list on a 100k-quotation index

Figures are printed as JSON and kept in bench/results/NAME.json. On the full
PolNeAR train corpus (840 articles) ``extract`` parses it three times and
``workers`` twice or more: expect several minutes each on two cores.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

BENCHMARKS = ("extract", "workers", "index", "profile", "components", "serve")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("names", nargs="*", metavar="NAME", help=", ".join(BENCHMARKS) + " (default: all)")
    p.add_argument("--corpus", type=Path, default=common.DEFAULT_CORPUS, help="directory of .txt articles")
    p.add_argument("--limit", type=int, default=None, help="only the first N articles (by name)")
    p.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch")
    p.add_argument("--repeat", type=int, default=1, help="workers: runs of each setting (best is kept)")
    p.add_argument("--sizes", default=None, help="index: comma-separated quotation counts (default 1000,10000,100000)")
    return p


def main(argv: list[str] | None = None) -> None:
    p = parser()
    args = p.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        p.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    for name in args.names or BENCHMARKS:
        common.note(f"running {name}")
        module = {"extract": "extract_rate", "workers": "workers", "index": "index_scale",
                  "profile": "profile_extract", "components": "components", "serve": "serve_page"}[name]
        __import__(module).main(args)


if __name__ == "__main__":
    main()
