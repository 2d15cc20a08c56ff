#!/bin/sh
# Measures the kind classifier's precision and recall per kind on the labelled
# sample mentions and writes the "Kind classifier (issue 3)" section of
# BENCHMARKS.md. Usage: Benchmarks/run-classifier.sh [labelled.jsonl]
set -eu
cd "$(dirname "$0")/.."
input=${1:-sample-data/mentions.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product ClassifierReport >/dev/null
{
  echo "Command: \`Benchmarks/run-classifier.sh\`, $(date -u +%Y-%m-%d)."
  echo
  .build/release/ClassifierReport "$input"
} > "$work/section.md"
python3 Benchmarks/write-section.py "Kind classifier (issue 3)" "$work/section.md"
echo "BENCHMARKS.md updated"
