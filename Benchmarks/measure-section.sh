#!/bin/sh
# Builds the release binary, runs a measuring command with a fresh work directory as its
# last argument (removed afterwards), and writes what it prints as a section of
# BENCHMARKS.md. Usage: Benchmarks/measure-section.sh "SECTION TITLE" COMMAND [ARGUMENTS...]
set -eu
cd "$(dirname "$0")/.."
title=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product webcare >/dev/null
"$@" "$work" > "$work/section.md"
python3 Benchmarks/write-section.py "$title" "$work/section.md"
echo "BENCHMARKS.md updated"
