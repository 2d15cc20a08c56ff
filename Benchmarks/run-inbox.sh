#!/bin/sh
# Measures the inbox on a database of generated mentions (first screen, j/k cost and
# bytes, text filter, memory) and writes the "Inbox (issue 5)" section of BENCHMARKS.md.
# Usage: Benchmarks/run-inbox.sh [count, default 1000000]
set -eu
cd "$(dirname "$0")/.."
exec Benchmarks/measure-section.sh "Inbox (issue 5)" \
    python3 Benchmarks/Inbox/measure_inbox.py .build/release/webcare "${1:-1000000}"
