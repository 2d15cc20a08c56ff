#!/usr/bin/env python3
"""Counts a corpus with twitter-text's Python port (twitter-text-parser 3.0.0) under the
v1 configuration and reports its throughput.

Reads one JSON string per line from the corpus file; writes one weighted length per line
to the output file; prints `replies seconds` on stdout. The port's v1 configuration lacks
`emoji_parsing_enabled`, which its parser requires, so it is added as False (v1 counts
code points).
Usage: twitter_text_reference.py CORPUS LENGTHS_OUT
"""
import json
import sys
import time

from twitter_text import parse_tweet
from twitter_text.config import config


def main():
    corpus, lengths_out = sys.argv[1], sys.argv[2]
    with open(corpus, encoding="utf-8") as f:
        replies = [json.loads(line) for line in f]
    options = dict(config["version1"], emoji_parsing_enabled=False)
    start = time.perf_counter()
    lengths = [parse_tweet(text, options).weightedLength for text in replies]
    elapsed = time.perf_counter() - start
    with open(lengths_out, "w") as out:
        out.write("\n".join(map(str, lengths)) + "\n")
    print(len(replies), elapsed)


if __name__ == "__main__":
    main()
