import Foundation
import InboxModel

/// Adds what a report's scan reads on a thread of its own, in batches, so reading the
/// next rows (SQLite's work and decoding them) and adding up the last ones (the
/// builder's) share the machine's cores.
final class ReportAdder: @unchecked Sendable {
    static let batchSize = 4096

    private var builder: ReportBuilder
    /// Mentions and cases read; kept apart, a mention does not take a case's room.
    private struct Batch: Sendable {
        var mentions: [ReportMention] = []
        var facts: [CaseFacts] = []
        var isEmpty: Bool { mentions.isEmpty && facts.isEmpty }
    }

    /// Batches to add; an empty one ends the work.
    private let channel = BatchChannel<Batch>(capacity: 4)
    private let done = DispatchSemaphore(value: 0)
    private var batch = Batch()

    init(_ builder: ReportBuilder) {
        self.builder = builder
        Thread.detachNewThread { self.run() }
    }

    /// Queues `mention`; from the scanning thread only.
    func add(_ mention: ReportMention) {
        batch.mentions.append(mention)
        if batch.mentions.count == Self.batchSize { send() }
    }

    /// Queues `fact`; from the scanning thread only.
    func add(_ fact: CaseFacts) {
        batch.facts.append(fact)
        if batch.facts.count == Self.batchSize { send() }
    }

    private func send() {
        channel.send(batch)
        batch = Batch()
    }

    /// Waits until everything queued is added, and hands back the builder. Call once,
    /// also when the scan failed (the thread ends either way).
    func finish() -> ReportBuilder {
        if !batch.isEmpty { send() }
        channel.send(Batch())
        done.wait()
        return builder
    }

    private func run() {
        while case let batch = channel.receive(), !batch.isEmpty {
            for mention in batch.mentions { builder.add(mention) }
            for fact in batch.facts { builder.add(fact) }
        }
        done.signal()
    }
}
