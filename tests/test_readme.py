"""The README and the help agree: every command in a README code block is run or, where running it costs
minutes or a cluster (scoring, benchmarks, Dask), checked against its program's own ``--help``."""
from __future__ import annotations

import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

from seed_index import build

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUOTES = str(Path(sys.executable).with_name("quotes"))
runner = CliRunner()
#: Sub-commands that have sub-commands of their own.
GROUPS = {"speakers": {"merge", "rename", "split"}, "quote": {"reassign", "not-a-quote"}}


def blocks() -> list[str]:
    """Every fenced or indented code block of the README."""
    fenced = re.findall(r"^```[a-z]*\n(.*?)^```", README, re.S | re.M)
    indented = ["\n".join(m.group(0).splitlines()) for m in re.finditer(r"(?:^    \S.*\n)+", README, re.M)]
    return fenced + [re.sub(r"^    ", "", b, flags=re.M) for b in indented]


def commands() -> list[list[str]]:
    """Each command line of the blocks (``$ `` prompts, ``&&`` chains and ``#`` comments handled), as argv."""
    out = []
    for block in blocks():
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            if not re.match(r"(quotes|python3?|\.venv/bin/\S+|make|sqlite3|datasette) ", line + " "):
                continue
            for part in line.split(" && "):
                argv = shlex.split(part, comments=True)
                if ">" in argv:
                    argv = argv[:argv.index(">")]
                out.append(argv)
    return out


COMMANDS = commands()


def test_the_readme_has_commands_of_every_kind():
    programs = {argv[0] for argv in COMMANDS}
    assert {"quotes", "make", ".venv/bin/python", "sqlite3"} <= programs


def help_of(path: list[str]) -> str:
    res = runner.invoke(app, [*path, "--help"])
    assert res.exit_code == 0, (path, res.output)
    return res.stdout


def command_path(argv: list[str]) -> list[str]:
    path = [argv[1]]
    if argv[1] in GROUPS and len(argv) > 2 and argv[2] in GROUPS[argv[1]]:
        path.append(argv[2])
    return path


@pytest.mark.parametrize("argv", [a for a in COMMANDS if a[0] == "quotes"], ids=" ".join)
def test_every_quotes_command_in_the_readme_is_accepted(argv):
    text = help_of(command_path(argv))
    for token in argv:
        if token.startswith("-") and token != "-":
            assert re.search(rf"(^|[\s,]){re.escape(token.split('=')[0])}\b", text, re.M), f"{token} not in help"


def test_no_bare_python():
    """A bare ``python`` has none of our packages (textacy for --baseline): the README runs .venv/bin/python."""
    bare = [" ".join(a) for a in COMMANDS if a[0] in ("python", "python3")]
    assert bare == []


@pytest.mark.parametrize("argv", [a for a in COMMANDS if a[0] == ".venv/bin/python"], ids=" ".join)
def test_every_script_in_the_readme_takes_its_options(argv):
    script = (ROOT / argv[1]).resolve()
    if not script.is_file():
        pytest.skip(f"{argv[1]} is not on this machine")
    res = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    for token in argv[2:]:
        if token.startswith("--"):
            assert token in res.stdout, f"{script.name} has no {token}"


@pytest.mark.parametrize("argv", [a for a in COMMANDS if a[0] == "make"], ids=" ".join)
def test_every_make_target_exists(argv):
    targets = re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(), re.M)
    assert argv[1] in targets


@pytest.mark.slow
def test_the_opening_example_runs_as_shown(tmp_path):
    """``quotes ingest fixtures/ && quotes list --speaker darmanin`` and ``quotes check …``, in a copy of the
    project's fixtures, with the output the README shows."""
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    shown = README.split("```", 2)[1]
    for argv in COMMANDS[:3]:
        table = ["--format", "table"] if argv[1] == "check" else []  # what a terminal shows, as the README does
        res = subprocess.run([QUOTES, *argv[1:], *table], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                             env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
        expected = 10 if argv[1] == "check" else 0
        assert res.returncode == expected, (argv, res.stderr)
        if argv[1] == "check":
            assert res.stdout.splitlines()[0] in shown


def test_every_listing_takes_the_formats_the_readme_names(tmp_path):
    said = re.search(r"Every listing takes `--format ([\w|]+)`", README).group(1).split("|")
    db = build(tmp_path / "i.json")
    qid = runner.invoke(app, ["list", "--db", str(db), "--format", "jsonl"]).stdout.split('"id": "')[1].split('"')[0]
    for path in (["list"], ["speakers"], ["show", qid], ["export"]):
        for fmt in said:
            if path == ["export"] and fmt == "table":
                continue
            res = runner.invoke(app, [*path, "--db", str(db), "--format", fmt])
            assert res.exit_code == 0, (path, fmt, res.output)


def test_the_sqlite_query_in_the_readme_answers(tmp_path):
    [argv] = [a for a in COMMANDS if a[0] == "sqlite3"]
    db = build(tmp_path / "i.json")
    out = tmp_path / argv[1]
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "sqlite", "-o", str(out)]).exit_code == 0
    rows = sqlite3.connect(out).execute(argv[2]).fetchall()
    assert rows and all(len(r) == 2 for r in rows)
