#!/bin/sh
# Measures SQLite and PostgreSQL side by side on the same generated mentions (import,
# first screen, queue page, opening a case, text limit, memory) and writes the
# "PostgreSQL (issue 17)" section of BENCHMARKS.md. Starts a server of its own with
# PostgreSQL's default durability (the test server runs with fsync off).
# Usage: Benchmarks/run-postgres.sh [count, default 1000000]
set -eu
cd "$(dirname "$0")/.."
exec Benchmarks/measure-section.sh "PostgreSQL (issue 17)" env WEBCARE_PG_DURABLE=1 scripts/with-postgres \
    python3 Benchmarks/Postgres/measure_postgres.py .build/release/webcare "${1:-1000000}"
