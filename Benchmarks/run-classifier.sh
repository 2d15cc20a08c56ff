#!/bin/sh
# Measures triage on the held-out third of the labelled set (the word lists alone, then
# the learning curve) and on the team's own sample, and writes the "Triage: suggested
# kinds (issue 19)" section of BENCHMARKS.md.
# Usage: Benchmarks/run-classifier.sh [labelled.jsonl, default sample-data/labelled.jsonl]
set -eu
cd "$(dirname "$0")/.."
input=${1:-sample-data/labelled.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product ClassifierReport >/dev/null
swift build -c release --product webcare >/dev/null
{
  echo "Command: \`Benchmarks/run-classifier.sh\`, $(date -u +%Y-%m-%d)."
  echo
  .build/release/ClassifierReport "$input"
  echo
  echo "The team's own sample (\`sample-data/mentions.jsonl\`, the lists were first written on it):"
  .build/release/webcare classifier report sample-data/mentions.jsonl --label-column expectedKind \
      --db "$work/inbox.sqlite" | head -n 1 | sed 's/^/- /'
} > "$work/section.md"
python3 Benchmarks/write-section.py "Triage: suggested kinds (issue 19)" "$work/section.md"
echo "BENCHMARKS.md updated"
