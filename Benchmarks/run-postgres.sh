#!/bin/sh
# Measures SQLite and PostgreSQL side by side on the same generated mentions (import,
# first screen, queue page, opening a case, text limit, memory) and writes the
# "PostgreSQL (issue 17)" section of BENCHMARKS.md. Starts a server of its own with
# PostgreSQL's default durability (the test server runs with fsync off).
# Usage: Benchmarks/run-postgres.sh [count, default 1000000]
set -eu
cd "$(dirname "$0")/.."
count=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product webcare >/dev/null
WEBCARE_PG_DURABLE=1 scripts/with-postgres \
    python3 Benchmarks/Postgres/measure_postgres.py .build/release/webcare "$count" "$work" > "$work/section.md"
python3 Benchmarks/write-section.py "PostgreSQL (issue 17)" "$work/section.md"
echo "BENCHMARKS.md updated"
