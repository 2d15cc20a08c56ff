"""Replaces one "## Title" section of BENCHMARKS.md with freshly generated figures.

Usage: write-section.py "Title" generated.md

Hand-written analysis survives a re-run: whatever follows the line
"<!-- notes -->" inside the section is kept below the new figures.
"""
import pathlib
import re
import sys

MARKER = "<!-- notes -->"

title, generated = sys.argv[1], pathlib.Path(sys.argv[2]).read_text().rstrip() + "\n"
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n\nFigures from the committed benchmarks, newest run of each.\n"
pattern = re.compile(r"## " + re.escape(title) + r"\n.*?(?=\n## |\Z)", re.S)
old = pattern.search(text)
notes = ""
if old and MARKER in old.group(0):
    notes = "\n" + MARKER + old.group(0).split(MARKER, 1)[1].rstrip() + "\n"
section = "## " + title + "\n\n" + generated + notes
if old:
    text = text[: old.start()] + section + text[old.end():]
else:
    text = text.rstrip() + "\n\n" + section
path.write_text(text)
