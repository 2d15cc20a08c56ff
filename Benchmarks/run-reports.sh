#!/bin/sh
# Measures `webcare report` and the alerts' reads on generated mentions with three events
# per case, and writes the "Reports (issue 18)" section of BENCHMARKS.md.
# Usage: Benchmarks/run-reports.sh [count, default 1000000]
set -eu
cd "$(dirname "$0")/.."
exec Benchmarks/measure-section.sh "Reports (issue 18)" \
    python3 Benchmarks/Reports/measure_reports.py .build/release/webcare "${1:-1000000}"
