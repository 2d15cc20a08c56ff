// Reply-length benchmark: throughput of the v1 counter on one core, agreement with
// twitter-text's Python port reply by reply, and linear time on adversarial 1 MB and 10 MB
// inputs. Run through Benchmarks/run-reply-length.sh, which prepares its inputs and
// writes the figures into BENCHMARKS.md.
//
// Usage: ReplyLengthBenchmark CORPUS REFERENCE_LENGTHS REFERENCE_SECONDS REPORT_OUT

import Foundation
import InboxModel

let arguments = CommandLine.arguments
guard arguments.count == 5 else {
    FileHandle.standardError.write(Data("usage: ReplyLengthBenchmark CORPUS REFERENCE_LENGTHS REFERENCE_SECONDS REPORT_OUT\n".utf8))
    exit(2)
}
let corpusPath = arguments[1], referencePath = arguments[2], reportPath = arguments[4]
guard let referenceSeconds = Double(arguments[3]) else { fatalError("REFERENCE_SECONDS must be a number") }

func loadCorpus(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
    return text.split(separator: "\n").map { line in
        let value = try! JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed)
        // Copied into a native string: Foundation's are bridged, slower to read than the
        // native strings the product's own JSON reader and composer hand the counter.
        return String(decoding: Array((value as! String).utf8), as: UTF8.self)
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Best of `runs` timings of `body`, which is handed a sink so its work is not optimised away.
func bestTime(runs: Int, _ body: (inout Int) -> Void) -> Double {
    var best = Double.infinity, sink = 0
    for _ in 0..<runs {
        let elapsed = ContinuousClock().measure { body(&sink) }
        best = min(best, seconds(elapsed))
    }
    if sink == 42 { print("") }
    return best
}

let corpus = loadCorpus(corpusPath)

// WEBCARE_PROFILE_LOOPS=N: only count the corpus N times and stop, so a profiler
// (`perf record`) sees the counting loop and nothing else.
if let loops = ProcessInfo.processInfo.environment["WEBCARE_PROFILE_LOOPS"].flatMap(Int.init) {
    var sink = 0
    for _ in 0..<loops {
        for reply in corpus { sink &+= ReplyLength(of: reply, rules: .twitterV1).weightedLength }
    }
    print(sink)
    exit(0)
}
let referenceLengths = try! String(contentsOfFile: referencePath, encoding: .utf8)
    .split(separator: "\n").map { Int($0)! }
precondition(referenceLengths.count == corpus.count, "reference has \(referenceLengths.count) lengths for \(corpus.count) replies")

// Agreement, reply by reply.
var mismatches: [(index: Int, ours: Int, theirs: Int)] = []
for (index, reply) in corpus.enumerated() {
    let ours = ReplyLength(of: reply, rules: .twitterV1).weightedLength
    if ours != referenceLengths[index] { mismatches.append((index, ours, referenceLengths[index])) }
}

// Throughput on one core.
let corpusSeconds = bestTime(runs: 7) { sink in
    for reply in corpus { sink &+= ReplyLength(of: reply, rules: .twitterV1).weightedLength }
}
let perSecond = Double(corpus.count) / corpusSeconds
let referencePerSecond = Double(corpus.count) / referenceSeconds
let utf8Bytes = corpus.reduce(0) { $0 + $1.utf8.count }

// Linear time: each adversarial text at 1 MB and at 10 MB; the ratio should be near 10.
let adversarial: [(name: String, unit: String)] = [
    ("CJK without spaces, one dot", "日本語のテキスト"),
    ("dotted labels without TLD", "a.b"),
    ("accented run", "é"),
    ("URL with a long path", "x/"),
    ("unbalanced parentheses", "(a"),
    ("plain English", "thanks for your message "),
]
func text(_ unit: String, bytes: Int, prefix: String) -> String {
    let repeats = bytes / max(unit.utf8.count, 1)
    return prefix + String(repeating: unit, count: repeats) + ".com"
}
var linearity: [(name: String, oneMB: Double, tenMB: Double, length: Int)] = []
for (name, unit) in adversarial {
    let prefix = name.hasPrefix("URL") ? "https://example.com/" : ""
    let small = text(unit, bytes: 1 << 20, prefix: prefix), large = text(unit, bytes: 10 << 20, prefix: prefix)
    var length = 0
    let oneMB = bestTime(runs: 3) { sink in sink &+= ReplyLength(of: small, rules: .twitterV1).weightedLength }
    let tenMB = bestTime(runs: 3) { sink in
        length = ReplyLength(of: large, rules: .twitterV1).weightedLength
        sink &+= length
    }
    linearity.append((name, oneMB, tenMB, length))
}

// Report.
func machine() -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
}
func format(_ value: Double) -> String {
    value >= 1000 ? String(format: "%.0f", value).reversed().enumerated()
        .map { $0.offset > 0 && $0.offset % 3 == 0 ? "\($0.element)," : "\($0.element)" }.reversed().joined()
        : String(format: "%.3g", value)
}
var report = """
    Corpus: \(corpus.count) replies, \(utf8Bytes) UTF-8 bytes, from `generate_corpus.py`.

    | counter | replies/s on one core | time for the corpus |
    |---|---:|---:|
    | webcare `ReplyLength` (v1) | \(format(perSecond)) | \(String(format: "%.3f", corpusSeconds)) s |
    | twitter-text-parser 3.0.0 (Python, v1) | \(format(referencePerSecond)) | \(String(format: "%.3f", referenceSeconds)) s |

    Ratio: webcare counts \(format(perSecond / referencePerSecond))× as many replies per second. Target \
    3,000,000/s per core: \(perSecond >= 3_000_000 ? "met" : "NOT met").

    Agreement: \(corpus.count - mismatches.count) of \(corpus.count) replies get the same length from both \
    (\(mismatches.count) differ).

    Linear time (one text each; ratio 10 MB / 1 MB should be about 10):

    | input | 1 MB | 10 MB | ratio | length (10 MB) |
    |---|---:|---:|---:|---:|

    """
for row in linearity {
    report += "| \(row.name) | \(String(format: "%.1f", row.oneMB * 1000)) ms | \(String(format: "%.1f", row.tenMB * 1000)) ms | \(String(format: "%.1f", row.tenMB / row.oneMB)) | \(row.length) |\n"
}
report += "\nMachine: \(machine()).\n"
if !mismatches.isEmpty {
    report += "\nFirst differences (index: webcare / python):\n"
    for m in mismatches.prefix(10) { report += "- \(m.index): \(m.ours) / \(m.theirs): `\(VisibleText.line(corpus[m.index]))`\n" }
}
try! report.write(toFile: reportPath, atomically: true, encoding: .utf8)
print(report)
exit(mismatches.isEmpty ? 0 : 1)
