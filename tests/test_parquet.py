"""``quotes export --format parquet``: a partitioned dataset a columnar engine reads back whole."""
from __future__ import annotations

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.index.core import Index
from tests.test_archive import results

runner = CliRunner()


@pytest.fixture(params=["i.json", "i.sqlite"])
def db(tmp_path, request):
    path = tmp_path / request.param
    Index(path).ingest(results(30))
    return path


def test_parquet_export_partitioned_by_date_holds_every_quotation(db, tmp_path):
    out = tmp_path / "pq"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["year=2024", "year=2025"]
    data = ds.dataset(out, partitioning="hive").to_table()
    expected = Index(db, readonly=True).list_quotes(kinds=("direct", "partial", "indirect"))
    assert data.num_rows == len(expected) == 90                    # reported speech too, as every export
    assert set(data.column("kind").to_pylist()) == {"direct", "partial", "indirect"}
    assert data.schema.field("confidence").type == "double"
    assert sorted(data.column("id").to_pylist()) == sorted(r["id"] for r in expected)
    by_id = {r["id"]: r for r in data.to_pylist()}
    row, want = by_id[expected[0]["id"]], expected[0]
    assert (row["quote"], row["speaker"], row["date"], row["doc_path"], row["start"]) == \
           (want["quote"], want["speaker"], want["date"], want["doc_path"], want["start"])
    april = ds.dataset(out, partitioning="hive").to_table(filter=(ds.field("year") == 2025) & (ds.field("month") == 4))
    assert april.num_rows == sum(1 for r in expected if r["date"].startswith("2025-04")) > 0


def test_parquet_export_by_speaker_and_its_errors(db, tmp_path):
    out = tmp_path / "by-speaker"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--partition", "speaker", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert {p.name for p in out.iterdir()} == {"speaker_initial=a", "speaker_initial=g", "speaker_initial=m",
                                               "speaker_initial=n", "speaker_initial=t"}
    gerald = ds.dataset(out / "speaker_initial=g").to_table()
    assert set(gerald.column("speaker").to_pylist()) == {"Gérald Darmanin"}
    again = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output          # never writes into a full folder
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "parquet"]).exit_code == 2   # no -o
    bad = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--partition", "x", "-o", str(tmp_path / "n")])
    assert bad.exit_code == 2
