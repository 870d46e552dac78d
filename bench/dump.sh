#!/usr/bin/env bash
# A refactor's proof: every attribution, speaker, venue and index row, dumped to one folder.
# Run before and after a change that must not change outputs, then `diff -r BEFORE AFTER`.
#   bash bench/dump.sh OUT_DIR [SPLIT_DIR ...]   (default: PolNeAR train and dev, and fixtures/)
set -euo pipefail
out=${1:?usage: bench/dump.sh OUT_DIR [SPLIT_DIR ...]}; shift
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.venv/bin"
splits=("$@"); [ ${#splits[@]} -gt 0 ] || splits=("$root/../shared/polnear/train" "$root/../shared/polnear/dev")
mkdir -p "$out"
for s in "${splits[@]}"; do
  "$bin/quotes" extract --format jsonl "$s"/text/*.txt > "$out/$(basename "$s").jsonl"
done
"$bin/quotes" extract --format jsonl "$root"/fixtures/*.txt > "$out/fixtures.jsonl"
rm -f "$out/index.json"
"$bin/quotes" ingest "$root/fixtures/" --db "$out/index.json" 2>/dev/null
for cmd in "list --format jsonl" "speakers --format jsonl"; do
  "$bin/quotes" $cmd --db "$out/index.json" > "$out/${cmd%% *}.jsonl"
done
# the index file itself, less the ingest times that differ from run to run
"$bin/python" - "$out/index.json" > "$out/index.rows.json" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(re.sub(r'"(ingested|at|created|updated)(_at)?": "[^"]*"', r'"\1\2": "…"', text))
PY
rm -f "$out/index.json" "$out/index.json.lock"
wc -l "$out"/*.jsonl
