"""An indexed quotation read back in its source: the paragraph around it, when the file still holds the text."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..load import load_path


def paragraph(row: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """The paragraph around the quotation, and where it was read from (``source`` or ``sentence``).

    The source file counts only while it holds the very text that was indexed (same hash);
    otherwise the quotation's sentence, stored in the index, stands in."""
    text = None
    path = doc.get("path")
    if path and Path(path).is_file():
        try:
            found = [d for d in load_path(path) if getattr(d, "text", None) is not None]
        except Exception:  # noqa: BLE001  (a source that changed or vanished: fall back to the sentence)
            found = []
        text = next((d.text for d in found if d.hash == doc.get("hash")), None)
    if text is None:
        return {"paragraph": row.get("sentence") or row["quote"], "paragraph_from": "sentence",
                "paragraph_start": None}
    start = text.rfind("\n", 0, row["start"]) + 1
    end = text.find("\n", row["end"])
    end = len(text) if end < 0 else end
    return {"paragraph": text[start:end], "paragraph_from": "source", "paragraph_start": start}
