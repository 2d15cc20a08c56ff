#!/usr/bin/env bash
# Reply-length benchmark (issue 2): builds in release, generates 100,000 mixed replies,
# counts them with webcare and with twitter-text's Python port in the same run, checks
# every length agrees, and writes the figures into BENCHMARKS.md.
# Needs python3 with venv; installs twitter-text-parser 3.0.0 into .venv-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
work=.build/bench
mkdir -p "$work"

if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
fi
.venv-bench/bin/pip install --quiet twitter-text-parser==3.0.0

python3 Benchmarks/ReplyLength/generate_corpus.py "$count" 2026 > "$work/corpus.jsonl"
swift build -c release --product ReplyLengthBenchmark >/dev/null
swift build -c release --product webcare >/dev/null

read -r _ python_seconds < <(.venv-bench/bin/python Benchmarks/ReplyLength/twitter_text_reference.py \
  "$work/corpus.jsonl" "$work/python-lengths.txt")

status=0
.build/release/ReplyLengthBenchmark "$work/corpus.jsonl" "$work/python-lengths.txt" "$python_seconds" \
  "$work/report.md" || status=$?

# The command-line batch form, end to end (parsing JSON lines, writing JSON lines).
start=$(date +%s.%N)
.build/release/webcare check --each < "$work/corpus.jsonl" > "$work/each.jsonl"
end=$(date +%s.%N)
each_rate=$(python3 -c "print(f'{$count / ($end - $start):,.0f}')")

{
  echo "Command: \`Benchmarks/run-reply-length.sh\` (release build), $(date -u +%Y-%m-%d)."
  echo
  cat "$work/report.md"
  echo
  echo "\`webcare check --each\` on the same corpus, end to end through pipes: $each_rate replies/s."
} > "$work/section.md"
python3 Benchmarks/write-section.py "Reply length (issue 2)" "$work/section.md"
echo "BENCHMARKS.md updated"
exit $status
