#!/usr/bin/env python3
"""Mutation fuzzer over the real binary: feeds mutated inputs to one reader
(import formats, config, check --each) for a set time and keeps every input that
makes webcare die of a signal (a trap, an abort) or answer with an exit status it
never uses. Deterministic for a seed, which it prints.

    Benchmarks/Fuzz/fuzz.py import|config|check [--seconds 600] [--seed N] [--binary PATH]

Crashing inputs go to Benchmarks/Fuzz/crashes/<reader>-<n>; copy them into the
regression tests (Tests/InboxTUITests/FuzzRegressionTests.swift reads Tests/Fuzz/)."""
import argparse, os, random, subprocess, sys, tempfile, time, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
INTERESTING = [b"922337203685477581", b"9223372036854775808", b"-9223372036854775809", b"1e300", b"-1e300", b"NaN",
               b"300000000000", b"0", b"-1", b"\\u0000", b"\\ud800", b"\x1b[2J", b"\xc2\x85", b"\xe2\x80\xae", b"\xff\xfe",
               b"[(]", b"[[", b"]]", b"{", b"}", b"\"", b"'", b"'''", b'"""', b",", b";", b"\n", b"\r\n", b"\x00",
               b"=", b".", b"#", b"\\", b"[" * 200, b"{\"a\":" * 200, b"Mon Nov 16 08:00:00 +0000 300000000000",
               b"9999-12-31T23:59:59Z", b"0000-01-01T00:00:00Z", b"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"]


def seeds(reader):
    if reader == "import":
        files = [ROOT / "sample-data" / "mentions.jsonl", ROOT / "sample-data" / "hostile.jsonl"]
        files += sorted((ROOT / "sample-data" / "formats").iterdir())
        out = []
        for f in files:
            data = f.read_bytes()
            out.append(data[:4000])
            out += [line + b"\n" for line in data.splitlines()[:20]]
        return out
    if reader == "config":
        default = subprocess.run([BINARY, "config", "--print-default"], capture_output=True).stdout
        return [default, b"[house]\nstyle = \"en\"\n", b"[keys.queue]\n\"^L\" = \"redraw\"\n", b"a = { b = [1, 2, '''x'''] }\n"]
    return [(ROOT / "sample-data" / "replies.jsonl").read_bytes()]


def mutate(rng, data, pool):
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        pos = rng.randint(0, len(data)) if data else 0
        if choice < 0.25 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif choice < 0.5:
            data[pos:pos] = rng.choice(INTERESTING)
        elif choice < 0.65 and data:
            end = min(len(data), pos + rng.randint(1, 64))
            del data[pos:end]
        elif choice < 0.8 and data:
            start = rng.randrange(len(data))
            data[pos:pos] = data[start:start + rng.randint(1, 128)]
        elif choice < 0.9:
            other = rng.choice(pool)
            cut = rng.randint(0, len(other))
            data = data[:pos] + bytearray(other[cut:cut + 512])
        else:
            # Replace a run of digits with an interesting number.
            digits = [i for i, b in enumerate(data) if 48 <= b <= 57]
            if digits:
                i = rng.choice(digits)
                j = i
                while j < len(data) and 48 <= data[j] <= 57:
                    j += 1
                data[i:j] = rng.choice(INTERESTING[:8])
    return bytes(data[:200_000])


def run(reader, data, workdir):
    if reader == "import":
        args, stdin = [BINARY, "import", "-", "--db", os.path.join(workdir, "inbox.sqlite")], data
    elif reader == "config":
        path = os.path.join(workdir, "config.toml")
        with open(path, "wb") as f:
            f.write(data)
        args, stdin = [BINARY, "config", "--config", path], b""
    else:
        args, stdin = [BINARY, "check", "--each"], data
    env = dict(os.environ, XDG_CONFIG_HOME="/nonexistent")
    try:
        result = subprocess.run(args, input=stdin, capture_output=True, timeout=20, env=env)
    except subprocess.TimeoutExpired:
        return "timeout"
    if result.returncode < 0:
        return f"signal {-result.returncode}"
    if result.returncode not in (0, 1, 2):
        return f"exit {result.returncode}"
    if b"\x1b" in result.stderr:
        return "raw escape on stderr"
    return None


def main():
    global BINARY
    parser = argparse.ArgumentParser()
    parser.add_argument("reader", choices=["import", "config", "check"])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "webcare"))
    options = parser.parse_args()
    BINARY = options.binary
    rng = random.Random(options.seed)
    pool = seeds(options.reader)
    crashes = ROOT / "Benchmarks" / "Fuzz" / "crashes"
    crashes.mkdir(exist_ok=True)
    print(f"fuzz {options.reader}: seed {options.seed}, {options.seconds:.0f} s, binary {BINARY}", flush=True)
    found = 0
    executions = 0
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="webcare-fuzz-") as workdir:
        while time.monotonic() - start < options.seconds:
            data = mutate(rng, rng.choice(pool), pool)
            executions += 1
            outcome = run(options.reader, data, workdir)
            if outcome:
                found += 1
                name = crashes / f"{options.reader}-{found}"
                name.write_bytes(data)
                print(f"  {outcome}: {name}", flush=True)
            elif rng.random() < 0.05:
                pool.append(data)
    elapsed = time.monotonic() - start
    print(f"fuzz {options.reader}: {executions} executions in {elapsed:.0f} s, {found} failing inputs", flush=True)
    return 1 if found else 0


if __name__ == "__main__":
    BINARY = None
    sys.exit(main())
