#!/usr/bin/env python3
"""Writes N realistic mentions in webcare's own JSON Lines format (docs/formats.md), for
load tests and benchmarks: `python3 sample-data/generate.py 1000000 > big.jsonl`.

Deterministic for a given --seed. Texts are built from Dutch and English phrases of every
kind plus spam and noise, with accents, emoji, URLs, @mentions and #hashtags; authors
range from 0 to a few million followers on a log scale; a tenth of the mentions answer an
earlier one. With --csv it writes the same records as CSV with the header `import`
reads (the benchmark feeds that to sqlite3's .import).

With --cases C the N mentions are conversations: C authors, each writing one or more
messages in their own conversation (every later message answers their previous one),
the conversations interleaved in time; the first, by @benchmark_case, has 50 messages."""
import argparse
import csv
import json
import random
import sys
from datetime import datetime, timedelta, timezone

OPENINGS = ["@NetVia", "@NetVia_NL", "Hé @NetVia,", "Dear @NetVia", "", "#netvia"]
BODIES = [
    "al {n} dagen geen internet in {place}. Wanneer wordt dit opgelost?",
    "hoe kan ik mijn modem resetten zonder alle instellingen kwijt te raken?",
    "wat een snelle hulp vandaag, dank jullie wel! 🙏",
    "jullie klantenservice is echt waardeloos, {n} keer gebeld en niks.",
    "klopt het dat jullie klantgegevens verkopen aan adverteerders? Schandalig.",
    "my fibre has been down since {n} am in {place}, any news? https://netvia.nl/storing",
    "thanks for fixing my connection so quickly 👍🏽 great service",
    "is there a way to upgrade my plan online? www.netvia.nl/abonnement",
    "Ik heb een vraag over mijn factuur van oktober, €{n},95 klopt niet",
    "Win een gratis iPhone!!! Klik hier bit.ly/free-{n} 🎁",
    "zit op het terras in {place} ☀️ #maandag",
    "Storing? Café in {place} heeft ook geen wifi 😤 #netvia #storing",
    "Wéér geen bereik in {place}. Ik overweeg over te stappen 👎",
    "You sold my data? I never agreed to that. Explain yourselves @NetVia",
]
PLACES = ["Utrecht-Oost", "Zwolle", "Den Haag", "Groningen", "Eindhoven", "Amsterdam-Noord", "Maastricht", "Delft"]
FIRST = ["Sanne", "Peter", "Fatima", "Jan", "Emma", "Daan", "Noor", "Mohammed", "Lotte", "Chris", "Anouk", "Sem"]
LAST = ["de Vries", "Jansen", "El Amrani", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos"]
PLATFORMS = [("twitter", "mention", 50), ("twitter", "dm", 10), ("twitter", "hashtag", 8),
             ("facebook", "comment", 16), ("instagram", "comment", 8), ("linkedin", "comment", 8)]
FIELDS = ["platform", "channel", "id", "conversationID", "inReplyToID", "author.handle", "author.name",
          "author.followers", "author.verified", "text", "postedAt", "language", "link"]


def records(count, rng):
    start = datetime(2026, 11, 16, 8, 0, tzinfo=timezone.utc)
    weights = [w for _, _, w in PLATFORMS]
    recent = []
    for i in range(count):
        platform, channel, _ = rng.choices(PLATFORMS, weights)[0]
        first, last = rng.choice(FIRST), rng.choice(LAST)
        handle = f"{first.lower()}{rng.randint(1, 99999)}"
        followers = int(10 ** rng.uniform(0, 6.5))
        body = rng.choice(BODIES).format(n=rng.randint(2, 9), place=rng.choice(PLACES))
        opening = rng.choice(OPENINGS) if channel != "dm" else ""
        text = f"{opening} {body}".strip()
        mention_id = f"{platform[:2]}-{i + 1}"
        record = {"platform": platform, "channel": channel, "id": mention_id,
                  "author": {"handle": handle, "name": f"{first} {last}", "followers": followers,
                             "verified": followers > 1_000_000},
                  "text": text,
                  "postedAt": (start + timedelta(seconds=i * 3)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "language": "en" if body[0].islower() and "the" in body else "nl",
                  "link": f"https://example.org/{platform}/{mention_id}"}
        if recent and rng.random() < 0.1:
            earlier = rng.choice(recent)
            if earlier["platform"] == platform:
                record["conversationID"] = earlier.get("conversationID", earlier["id"])
                record["inReplyToID"] = earlier["id"]
        recent = (recent + [record])[-50:]
        yield record


def case_records(count, cases, rng):
    """`count` mentions in `cases` conversations, as described in the module's doc."""
    sizes = [1] * cases
    sizes[0] = min(50, count - cases + 1)
    for chosen in rng.choices(range(1, cases), k=count - sum(sizes)) if cases > 1 else []:
        sizes[chosen] += 1
    order = [case for case, size in enumerate(sizes) for _ in range(size)]
    rng.shuffle(order)
    start = datetime(2026, 11, 16, 8, 0, tzinfo=timezone.utc)
    weights = [w for _, _, w in PLATFORMS]
    opened = {}
    for i, case in enumerate(order):
        mention_id = None
        if case not in opened:
            platform, channel, _ = rng.choices(PLATFORMS, weights)[0]
            first, last = rng.choice(FIRST), rng.choice(LAST)
            handle = "benchmark_case" if case == 0 else f"{first.lower()}{case}"
            opened[case] = {"platform": platform, "channel": channel, "handle": handle, "name": f"{first} {last}",
                            "followers": int(10 ** rng.uniform(0, 6.5)), "root": None, "previous": None}
        conversation = opened[case]
        platform, channel = conversation["platform"], conversation["channel"]
        mention_id = f"{platform[:2]}-{i + 1}"
        body = rng.choice(BODIES).format(n=rng.randint(2, 9), place=rng.choice(PLACES))
        opening = rng.choice(OPENINGS) if channel != "dm" else ""
        record = {"platform": platform, "channel": channel, "id": mention_id,
                  "author": {"handle": conversation["handle"], "name": conversation["name"],
                             "followers": conversation["followers"], "verified": conversation["followers"] > 1_000_000},
                  "text": f"{opening} {body}".strip(),
                  "postedAt": (start + timedelta(seconds=i * 3)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "language": "en" if body[0].islower() and "the" in body else "nl",
                  "link": f"https://example.org/{platform}/{mention_id}"}
        if conversation["root"] is not None:
            record["conversationID"] = conversation["root"]
            record["inReplyToID"] = conversation["previous"]
        else:
            conversation["root"] = mention_id
        conversation["previous"] = mention_id
        yield record


def flat(record):
    author = record["author"]
    return [record["platform"], record["channel"], record["id"], record.get("conversationID", ""),
            record.get("inReplyToID", ""), author["handle"], author["name"], author["followers"],
            "true" if author["verified"] else "false", record["text"], record["postedAt"], record["language"],
            record["link"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--csv", action="store_true", help="write CSV with a header instead of JSON Lines")
    parser.add_argument("--cases", type=int, help="write the mentions as this many conversations")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.cases is not None and not 1 <= args.cases <= args.count:
        parser.error("--cases must be from 1 to the number of mentions")
    generated = case_records(args.count, args.cases, rng) if args.cases else records(args.count, rng)
    out = sys.stdout
    if args.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FIELDS)
        for record in generated:
            writer.writerow(flat(record))
    else:
        for record in generated:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
