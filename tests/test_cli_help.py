"""Issue 19, a CLI that reads well: help names values and arguments plainly, errors are one line on stderr."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

QUOTES = str(Path(sys.executable).with_name("quotes"))
runner = CliRunner()
COMMANDS = [[], ["extract"], ["ingest"], ["list"], ["speakers"], ["speakers", "merge"], ["speakers", "rename"],
            ["show"], ["quote", "reassign"], ["export"], ["check"], ["verify"], ["serve"]]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "quotes")
def test_help_shows_no_type_placeholders(path):
    res = runner.invoke(app, [*path, "--help"], env={"NO_COLOR": "1"})
    assert res.exit_code == 0
    for junk in ("<bool>", "<str>", "<path>", "<int", "<list", "{", "╭", "\x1b["):
        assert junk not in res.stdout, (junk, res.stdout)


def test_flags_show_no_value_and_options_name_theirs():
    text = runner.invoke(app, ["export", "--help"]).stdout
    lines = {line.split()[0].rstrip(","): line for line in text.splitlines() if line.strip().startswith("-")}
    assert lines["--force"].split()[1] == "Overwrite"
    assert "--db PATH" in text and "-o, --output FILE" in text and "-h, --help  " in text


@pytest.mark.parametrize("path, usage", [
    (["speakers", "merge"], "quotes speakers merge [OPTIONS] SPEAKER OTHER"),
    (["speakers", "rename"], "quotes speakers rename [OPTIONS] SPEAKER NEW_NAME"),
    (["quote", "reassign"], "quotes quote reassign [OPTIONS] ID [SPEAKER]"),
    (["extract"], "quotes extract [OPTIONS] PATHS..."),
    (["show"], "quotes show [OPTIONS] ID"),
])
def test_arguments_have_names(path, usage):
    assert usage in runner.invoke(app, [*path, "--help"]).stdout


@pytest.mark.parametrize("args, says", [
    (["speakers", "merge"], "Missing argument 'SPEAKER'"),
    (["list", "--format", "xml"], "'xml' is not one of"),
    (["export", "--nope"], "No such option: --nope"),
    (["list", "--format", "sqlite"], "sqlite is for `quotes export`"),
])
def test_usage_errors_are_one_line_on_stderr(tmp_path, args, says):
    res = subprocess.run([QUOTES, *args], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                         env={**os.environ, "NO_COLOR": "1"})
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("quotes: error: ") and says in lines[0], res.stderr
    assert "\x1b[" not in res.stderr and "╭" not in res.stderr


def test_list_with_a_surname_two_people_carry_refuses_as_the_readme_says(tmp_path):
    """`list -s smith` with two Smiths: refused, exit 1, both listed (issue 15: one list mixing two
    people's words is what a reporter must not get); a role two people hold still lists both."""
    from quotes.index.core import Index
    from test_corrections import article

    db = tmp_path / "i.json"
    Index(str(db)).ingest([article("a.txt", [("Yes", "John Smith"), ("No", "Jane Smith")])])
    res = runner.invoke(app, ["list", "-s", "smith", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 1 and "John Smith" in res.output and "Jane Smith" in res.output and not res.stdout
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| 1 |"))
    assert "except a bare surname two people carry, which they refuse the same way" in row
