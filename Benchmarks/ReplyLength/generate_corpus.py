#!/usr/bin/env python3
"""Writes a corpus of mixed webcare replies, one JSON string per line, for the reply-length
benchmark and the comparison with twitter-text's Python port.

Deterministic for a given seed. The mix: plain English, Dutch with accents (some typed
decomposed, as macOS and some keyboards send them), emoji with joiners, flags, skin tones
and keycaps, CJK, URLs with and without scheme (paths, queries, parentheses, t.co, IDN,
punycode, trailing punctuation, near misses like a_b.com), mentions, hashtags, CR LF.
Usage: generate_corpus.py COUNT SEED > corpus.jsonl
"""
import json
import random
import sys
import unicodedata

ENGLISH = ("thanks for reaching out we are sorry to hear that your order did not arrive "
           "could you send us your order number in a direct message so we can look into it "
           "our team is on it and will get back to you today have a great day").split()
DUTCH = ("bedankt voor je bericht vervelend dat je pakket nog niet is aangekomen wij zoeken "
         "het intern uit en komen bij je terug café één reëel geïnteresseerd coördinatie "
         "financiële ruïne privé ideeën hé zóveel cliënt").split()
CJK = ["ご連絡ありがとうございます", "注文番号を教えてください", "我们会尽快处理", "谢谢您的耐心", "감사합니다"]
EMOJI = ["😷", "🙏", "👍🏽", "👨\u200d👩\u200d👧\u200d👦", "🇳🇱", "❤️", "1️⃣", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
         "🧑\u200d💻", "☺", "©", "😂"]
URLS = ["https://example.com", "http://www.bol.com/nl/order/12345", "example.nl", "www.ns.nl/reisinfo",
        "https://t.co/abc123XYZ", "t.co/abcde", "https://example.com/path_(with)_parens",
        "http://example.com/?q=1&b=2.", "bit.ly/3xYz", "https://ah.nl/klantenservice?x=1#top",
        "http://ああ.com", "http://xn--bcher-kva.ch/", "a_b.com", "foo.bar.baz.co.uk",
        "mailto:klant@example.com", "ftp.example.com", "https://twitter.com/webcare/status/12345678901234567",
        "example.comé", "日本.com", "ex-ample.org/a/b/c.", "https://sub.domain.example.museum/x?y=z",
        "http://example.com:8080/x", "voorbeeld.frl", "http://test.みんな/", "https://t.co/" + "a" * 45]
MENTIONS = ["@klant", "@KLM", "@NS_online", "@bol_com", "#storing", "#klantenservice", "$AAPL", "＠fullwidth"]


def sentence(rng, words, count):
    return " ".join(rng.choice(words) for _ in range(count))


def reply(rng):
    kind = rng.random()
    parts = []
    if kind < 0.30:
        parts.append(sentence(rng, ENGLISH, rng.randint(5, 25)))
    elif kind < 0.60:
        text = sentence(rng, DUTCH, rng.randint(5, 25))
        if rng.random() < 0.25:
            text = unicodedata.normalize("NFD", text)
        parts.append(text)
    elif kind < 0.70:
        parts.append("".join(rng.choice(CJK) for _ in range(rng.randint(1, 6))))
    else:
        parts.append(sentence(rng, ENGLISH + DUTCH, rng.randint(3, 12)))
    for _ in range(rng.randint(0, 2)):
        pool = rng.choice([URLS, MENTIONS, EMOJI])
        piece = rng.choice(pool)
        glue = rng.choice([" ", " ", " ", "", ". ", "(", ", "])
        parts.append(glue + piece)
    if rng.random() < 0.3:
        parts.append(rng.choice([".", "!", " 🙂", "?", " ^JB", ")."]))
    text = "".join(parts)
    if rng.random() < 0.05:
        text = text.replace(" ", "\r\n", 1)
    if rng.random() < 0.03:
        text = text * rng.randint(2, 4)
    return text


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
    rng = random.Random(seed)
    out = sys.stdout
    for _ in range(count):
        out.write(json.dumps(reply(rng), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
