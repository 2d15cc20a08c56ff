#!/bin/sh
# Measures cases at scale (issue 15): the import of N mentions in C conversations by this
# webcare and by the webcare from before cases (commit bdd7533, built here in a temporary
# worktree), and the inbox on the result; writes the "Cases (issue 15)" section of
# BENCHMARKS.md. Usage: Benchmarks/run-cases.sh [count, default 1000000] [cases, default 300000]
set -eu
cd "$(dirname "$0")/.."
count=${1:-1000000}
cases=${2:-300000}
command -v sqlite3 >/dev/null || { apt-get update && apt-get install -y sqlite3; }
work=$(mktemp -d)
before="$work/before-cases"
trap 'git worktree remove --force "$before" 2>/dev/null; rm -rf "$work"' EXIT
git worktree add --detach "$before" bdd7533 >/dev/null 2>&1
(cd "$before" && swift build -c release --product webcare >/dev/null)
swift build -c release --product webcare >/dev/null
python3 Benchmarks/Cases/measure_cases.py .build/release/webcare "$before/.build/release/webcare" "$count" "$cases" \
    "$work" > "$work/section.md"
python3 Benchmarks/write-section.py "Cases (issue 15)" "$work/section.md"
echo "BENCHMARKS.md updated"
