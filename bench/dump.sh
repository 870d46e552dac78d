#!/usr/bin/env bash
# A refactor's proof: every attribution, speaker, venue and index row, dumped to one folder.
# Run before and after a change that must not change outputs, then `diff -r BEFORE AFTER`.
#   bash bench/dump.sh OUT_DIR [SPLIT_DIR ...]   (default: PolNeAR train and dev, and fixtures/)
# SHARED=DIR names shared/ when the checkout is elsewhere (a worktree); QUOTES_BIN the venv's bin.
set -euo pipefail
out=${1:?usage: bench/dump.sh OUT_DIR [SPLIT_DIR ...]}; shift
root=$(cd "$(dirname "$0")/.." && pwd)
bin="${QUOTES_BIN:-$root/.venv/bin}"
shared="${SHARED:-$root/../shared}"
splits=("$@"); [ ${#splits[@]} -gt 0 ] || splits=("$shared/polnear/train" "$shared/polnear/dev")
# paths in the records are written relative to the checkout and to shared/, so two checkouts compare
same() { sed -e "s#$shared/#SHARED/#g" -e "s#$root/#./#g"; }
mkdir -p "$out"
for s in "${splits[@]}"; do
  "$bin/quotes" extract --format jsonl "$s"/text/*.txt | same > "$out/$(basename "$s").jsonl"
done
"$bin/quotes" extract --format jsonl "$root"/fixtures/*.txt | same > "$out/fixtures.jsonl"
rm -f "$out/index.json"
"$bin/quotes" ingest "$root/fixtures/" --db "$out/index.json" 2>/dev/null
for cmd in "list --format jsonl" "speakers --format jsonl"; do
  "$bin/quotes" $cmd --db "$out/index.json" | same > "$out/${cmd%% *}.jsonl"
done
# the index file itself, less the ingest times that differ from run to run
"$bin/python" - "$out/index.json" > "$out/index.rows.json" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
print(re.sub(r'"(ingested_at|at|created_at|updated_at|fetched_at)":\s*"[^"]*"', r'"\1": "…"', text))
PY
same < "$out/index.rows.json" > "$out/index.rows.tmp" && mv "$out/index.rows.tmp" "$out/index.rows.json"
rm -f "$out/index.json" "$out/index.json.lock"
wc -l "$out"/*.jsonl
