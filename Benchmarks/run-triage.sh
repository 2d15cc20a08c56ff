#!/bin/sh
# Measures what today's triage costs: `webcare import` against the build before issue 19
# (REFERENCE, a commit, built in a temporary worktree; or REFERENCE_BINARY, a binary
# built before), and what learning from a confirmation adds to an agent's step on SQLite
# and on a PostgreSQL server of its own. Writes the "Triage: speed (issue 19)" section
# of BENCHMARKS.md. Usage: Benchmarks/run-triage.sh [count, default 1000000]
set -eu
cd "$(dirname "$0")/.."
count=${1:-1000000}
reference_commit=${REFERENCE:-24a189a}
work=$(mktemp -d)
cleanup() {
    git worktree remove --force "$work/reference" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
swift build -c release --product webcare >/dev/null
swift build -c release --product TriageBenchmark >/dev/null
reference=${REFERENCE_BINARY:-}
if [ -z "$reference" ]; then
    git worktree add -q "$work/reference" "$reference_commit"
    (cd "$work/reference" && swift build -c release --product webcare >/dev/null)
    reference="$work/reference/.build/release/webcare"
fi
python3 sample-data/generate.py 4000 > "$work/cases.jsonl"
{
    echo "Command: \`Benchmarks/run-triage.sh $count\` (release build), $(date -u +%Y-%m-%d); reference: $reference_commit."
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); SQLite $(sqlite3 --version | cut -d' ' -f1)."
    echo
    python3 Benchmarks/Triage/measure_import.py .build/release/webcare "$reference" "$count" "$work" sample-data/labelled.jsonl
    .build/release/TriageBenchmark "$work/learn.sqlite" sample-data/labelled.jsonl "$work/cases.jsonl"
    WEBCARE_PG_DURABLE=1 scripts/with-postgres sh -c '
        psql -X -q "$WEBCARE_TEST_POSTGRES" -c "CREATE DATABASE triage" >/dev/null
        url=$(printf %s "$WEBCARE_TEST_POSTGRES" | sed "s|/postgres?|/triage?|")
        .build/release/webcare init --postgres "$url" >/dev/null
        .build/release/TriageBenchmark "$url" sample-data/labelled.jsonl "$1"' sh "$work/cases.jsonl"
} > "$work/section.md"
python3 Benchmarks/write-section.py "Triage: speed (issue 19)" "$work/section.md"
echo "BENCHMARKS.md updated"
