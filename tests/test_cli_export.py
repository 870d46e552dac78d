"""`quotes export` through typer's CliRunner and a real subprocess: formats, --speaker, -o/--force, escaping."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from quotes.cli import app

from seed_index import DARMANIN, OUAHBI, TITLE, URL, build, hostile_result, seed_result

QUOTES = str(Path(sys.executable).with_name("quotes"))
HOSTILE = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "![img](http://evil.example/p.png)",
           "# heading", "=HYPERLINK(\"http://evil.example\")", "+1+cmd", "@SUM(A1)", "-2+3"]
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("export") / "index.json")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("hostile") / "index.json", seed_result(), hostile_result(HOSTILE))


def export(db, *args):
    res = runner.invoke(app, ["export", "--db", str(db), *args])
    return res


def test_markdown_grouped_by_speaker_with_citations(db):
    res = export(db)
    assert res.exit_code == 0, res.stderr
    md = res.stdout
    assert md.count(f"## {DARMANIN}") == 1 and md.count(f"## {OUAHBI}") == 1
    assert "French Minister of Justice" in md.split(f"## {DARMANIN}")[1].split("##")[0]
    assert "> We have reached an agreement on all pending issues\n" in md
    html = MarkdownIt("commonmark").render(md)
    assert f'href="{URL}"' in html and TITLE.split(",")[0] in html
    line = next(l for l in md.splitlines() if "interview with 2M" in l)
    assert "2025-04-14" in line and "characters" in line


def test_speaker_filter_by_alias(db):
    res = export(db, "--speaker", "ouahbi")
    assert res.exit_code == 0, res.stderr
    assert OUAHBI in res.stdout and DARMANIN not in res.stdout
    assert "The cooperation is excellent" not in res.stdout


def test_unknown_speaker_is_an_error(db):
    res = export(db, "--speaker", "Nobody Atall")
    assert res.exit_code == 1 and "no speaker" in res.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_machine_formats_carry_the_same_quotes(db, fmt):
    res = export(db, "--format", fmt)
    assert res.exit_code == 0, res.stderr
    if fmt == "json":
        rows = json.loads(res.stdout)
    elif fmt == "jsonl":
        rows = [json.loads(l) for l in res.stdout.splitlines()]
    else:
        rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["speaker"] for r in rows} >= {DARMANIN, OUAHBI}
    assert any(r["quote"] == "The cooperation is excellent," for r in rows)


def test_output_file_is_never_overwritten_without_force(db, tmp_path):
    out = tmp_path / "quotes.md"
    out.write_text("keep me", encoding="utf-8")
    res = export(db, "-o", str(out))
    assert res.exit_code == 1 and "--force" in res.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    res = export(db, "-o", str(out), "--force")
    assert res.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Quotations")
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.md"]             # no temporary file left


def test_hostile_markdown_carries_no_live_markup(hostile_db):
    md = export(hostile_db).stdout
    html = MarkdownIt("commonmark").render(md)
    assert not re.search(r"<(script|img|h[3-6])\b", html)
    assert set(re.findall(r'href="([^"]*)"', html)) == {URL}                    # javascript: URL stays text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<p># heading</p>" in html


def test_hostile_csv_defuses_formulas(hostile_db):
    rows = list(csv.DictReader(io.StringIO(export(hostile_db, "--format", "csv").stdout)))
    cells = {r["quote"] for r in rows if r["speaker"] == "Nadia Benali"}
    assert "'=HYPERLINK(\"http://evil.example\")" in cells and "'+1+cmd" in cells and "'@SUM(A1)" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for r in rows for c in r.values() if c)


@pytest.mark.slow
def test_export_subprocess_writes_file_without_spacy(db, tmp_path):
    out = tmp_path / "out.md"
    env = {**os.environ, "QUOTES_DB": str(db)}
    p = subprocess.run([QUOTES, "export", "--format", "md", "-o", str(out)], capture_output=True, text=True,
                       env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    assert f"## {DARMANIN}" in out.read_text(encoding="utf-8")
    p = subprocess.run([QUOTES, "export", "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 1 and "exists" in p.stderr
    code = ("import sys; from quotes.cli import main; sys.argv = ['quotes', 'export', '--format', 'jsonl'];\n"
            "try:\n    main()\nexcept SystemExit as e:\n    sys.stderr.write(f'exit {e.code} {\"spacy\" in sys.modules}')")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert p.stderr.strip().endswith("exit 0 False"), p.stderr
    assert len(p.stdout.splitlines()) == len(seed_result().quotes)


def test_table_is_not_an_export_format(db):
    res = export(db, "--format", "table")
    assert res.exit_code == 2 and "--format" in res.stderr and not res.stdout


def test_one_speaker_export_is_titled_with_the_name(db):
    assert export(db, "--speaker", "Darmanin").stdout.startswith(f"# Quotations of {DARMANIN}\n")


def test_unusable_index_is_one_line_and_exit_4(tmp_path):
    """Every index-reading command refuses a damaged index the same way, and leaves it alone."""
    from typer.testing import CliRunner

    from quotes.cli import app

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for args in (["export"], ["list"], ["speakers"], ["check", "some words here"]):
        res = CliRunner().invoke(app, [*args, "--db", str(bad)])
        assert res.exit_code == 4, (args, res.output)
        assert "not valid JSON" in res.stderr and "Traceback" not in res.output
    assert bad.read_text(encoding="utf-8") == "{not json"
