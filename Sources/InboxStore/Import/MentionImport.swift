import Foundation
import GRDB
import InboxModel

/// Feeds records into the inbox, committing in short transactions: often enough that a
/// running inbox sees piped-in mentions within a second and a killed import loses at
/// most the batch in flight (running it again adds what is missing, since duplicates
/// are left alone), and rarely enough that a million mentions cost few commits.
///
/// Two threads: one reads, parses and classifies; this one writes to SQLite. Each
/// mention costs about as much to classify as to store, so on two cores the import
/// runs at the speed of the slower half instead of the sum.
public struct MentionImport: Sendable {
    /// With `strict`, a file is one transaction, rolled back when any record is rejected.
    public var strict = false
    /// Most mentions in one transaction.
    public var batchSize = 10_000
    /// Where a mention's reaction clock starts.
    public enum ClockOrigin: Sendable {
        /// When the author posted it (never later than its arrival): an import of last
        /// night's mentions shows how long those customers have been waiting.
        case posted
        /// When it arrived: a replay feeds a recording in as if it happened now.
        case arrival
    }

    public var clockOrigin = ClockOrigin.posted

    /// Commit whenever reading would block: on for pipes, so what is piped in shows up
    /// at once; off for regular files, where it would only mean smaller batches.
    public var commitBeforeWaiting = true

    /// How often a long import reads the team's model again (`LiveClassifier`): a
    /// million mentions take less, a live feed all day.
    public var modelRefresh: TimeInterval = 60

    /// Records per message from the reading thread: one INSERT statement's worth.
    static let channelBatch = MentionWriter.rowsPerStatement

    /// The page cache while importing, in KiB.
    static let cacheKiB = 32_768

    public init(strict: Bool = false) {
        self.strict = strict
    }

    /// What the reading thread hands over.
    private enum Message: Sendable {
        case records([(item: RecordReader.Item, suggestion: KindClassifier.Suggestion?)])
        /// Reading is about to wait for input: commit what there is.
        case flush
        case failure(RecordReader.Failure)
        case end
    }

    /// Reads `reader` to its end. `label` names the input in messages
    /// (`label:line: field: what`, sent to `report`). `admit` gives each mention its
    /// arrival time just before it is stored, and may adjust it: a replay sleeps there
    /// until the mention is due, and renames the ids of a second pass. With
    /// `commitEach`, every mention is committed as it arrives.
    public func run(_ reader: RecordReader, label: String, into inbox: any InboxDatabase, commitEach: Bool = false,
                    admit: (inout Mention) -> Date = { _ in Date() }, report: (String) -> Void) throws -> ImportTotals
    {
        if let inbox = inbox as? Inbox, inbox.isReadOnly { throw StoreError.readOnly(path: inbox.path) }
        let channel = BatchChannel<Message>(capacity: 8)
        // What the team taught up to now classifies this import, and what it teaches
        // meanwhile, every `modelRefresh`.
        let classifier = LiveClassifier(try inbox.currentClassifier())
        let reading = Thread { [commitBeforeWaiting] in
            Self.read(reader, into: channel, classifier: classifier, flushBeforeWaiting: commitBeforeWaiting)
        }
        reading.stackSize = 1 << 20
        reading.start()
        defer { channel.close() }
        func drive(_ writer: some ImportSink) throws -> ImportTotals {
            try store(from: channel, into: writer, label: label, commitEach: commitEach, classifier: classifier,
                      admit: admit, report: report)
        }
        if let postgres = inbox as? PostgresInbox {
            return try postgres.importing { session, cases in try drive(PostgresImportSink(session, cases: cases)) }
        }
        guard let inbox = inbox as? Inbox else { throw StoreError.cannotOpen(path: inbox.location, reason: "unknown engine") }
        return try inbox.queue.writeWithoutTransaction { db in
            // A bigger page cache for the unique index's random inserts: without it the
            // same index pages go to the WAL again and again. Memory stays bounded by it.
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB); PRAGMA wal_autocheckpoint = 16384")
            defer {
                // The import copies what it wrote into the database itself before it ends:
                // left in the WAL, up to 64 MB of it would be copied by the next agent's
                // commit (the first case opened after a big import waited for it).
                try? db.execute(sql: """
                    PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000; PRAGMA wal_checkpoint(PASSIVE)
                    """)
            }
            return try drive(SQLiteImportSink(db, cases: inbox.caseJoiner))
        }
    }

    /// Stores what the reading thread sends, in transactions of about `commitInterval`
    /// (or each mention, or the whole file with `strict`), counting everything.
    private func store(from channel: BatchChannel<Message>, into sink: some ImportSink, label: String,
                       commitEach: Bool, classifier: LiveClassifier, admit: (inout Mention) -> Date,
                       report: (String) -> Void) throws -> ImportTotals {
        let writer = sink.writer
        var totals = ImportTotals(), batch = ImportTotals()
        var open = false, lastCommit = Date(), lastRefresh = Date()
        var pending: [MentionWriter.Row] = []
        pending.reserveCapacity(Self.channelBatch)
        /// Rows sent to the writer in this batch, and its counts when the batch began.
        var sent = 0, addedBefore = writer.added, joinedBefore = writer.joined
        /// Waits for what the batch sent, and counts it.
        func settle() throws {
            try writer.settle()
            batch.imported = writer.added - addedBefore
            batch.joined = writer.joined - joinedBefore
            batch.duplicates = sent - batch.imported
        }
        func commit() throws {
            guard open, !strict else { return }
            try settle()
            // Before the commit, so whoever sees this batch knows its successors are
            // classified with the model as it stood then.
            if Date().timeIntervalSince(lastRefresh) >= modelRefresh {
                classifier.learned(try sink.learnedModel())
                lastRefresh = Date()
            }
            try sink.commit()
            open = false
            totals += batch
            batch = ImportTotals()
            (sent, addedBefore, joinedBefore) = (0, writer.added, writer.joined)
            usleep(sink.pauseAfterCommit)
            lastCommit = Date()
        }
        func begin() throws {
            if !open {
                try sink.begin()
                open = true
            }
        }
        /// Gathers `mention` to be stored, with its arrival and the start of its clock.
        func gather(_ mention: Mention, suggestion: KindClassifier.Suggestion) {
            var mention = mention
            let arrivedAt = admit(&mention)
            let clockFrom = clockOrigin == .posted ? min(mention.postedAt, arrivedAt) : arrivedAt
            pending.append(MentionWriter.Row(mention, suggestion: suggestion, arrivedAt: arrivedAt, clockFrom: clockFrom))
        }
        /// Stores the mentions gathered so far, and commits when the batch is due.
        func store() throws {
            guard !pending.isEmpty else { return }
            try begin()
            try writer.send(pending)
            sent += pending.count
            pending.removeAll(keepingCapacity: true)
            if commitEach || sent >= batchSize || Date().timeIntervalSince(lastCommit) >= sink.commitInterval {
                try commit()
            }
        }
        do {
            receiving: while true {
                switch channel.receive() {
                case .end: break receiving
                case .flush: try commit()
                case .failure(let failure):
                    report("\(label):\(failure)")
                    batch.rejected += 1
                case .records(let records):
                    for (item, suggestion) in records {
                        switch item.record.result {
                        case .rejected(let problem):
                            report("\(label):\(item.line): \(problem)")
                            batch.rejected += 1
                        case .skipped(let reason):
                            batch.skipped[reason, default: 0] += 1
                        case .ourReply(let reply):
                            try store()
                            try begin()
                            if try writer.link(reply) {
                                batch.linked += 1
                            } else {
                                batch.skipped[.ownPost, default: 0] += 1
                            }
                        case .deleted(let platform, let id):
                            // After what came before it: the post may be in this very batch.
                            try store()
                            try begin()
                            _ = try writer.erase(platform, id: id, at: Date())
                            batch.skipped[.platformNotice, default: 0] += 1
                        case .edited(let original, let mention):
                            try store()
                            try begin()
                            if try writer.edit(original: original, to: mention, suggestion: suggestion!, at: Date()) {
                                batch.edited += 1
                            } else {
                                gather(mention, suggestion: suggestion!)
                            }
                        case .mention(let mention):
                            gather(mention, suggestion: suggestion!)
                            if commitEach { try store() }
                        }
                    }
                    try store()
                }
            }
            try settle()
        } catch {
            if open { try? sink.rollback() }
            throw ImportInterrupted(committed: strict ? ImportTotals() : totals, cause: error)
        }
        if strict {
            if open {
                if batch.rejected > 0 { try sink.rollback() } else { try sink.commit() }
            }
            if batch.rejected > 0 {
                report("\(label): rejected whole (--strict): nothing from it was imported")
                return ImportTotals(rejectedFile: batch)
            }
            totals += batch
            return totals
        }
        do {
            if open { try sink.commit() }
        } catch {
            try? sink.rollback()
            throw ImportInterrupted(committed: totals, cause: error)
        }
        totals += batch
        return totals
    }

    /// The reading thread: records in batches, each mention with its suggested kind.
    private static func read(_ reader: RecordReader, into channel: BatchChannel<Message>, classifier live: LiveClassifier,
                             flushBeforeWaiting: Bool) {
        var reader = reader
        var batch: [(item: RecordReader.Item, suggestion: KindClassifier.Suggestion?)] = []
        func sendBatch() {
            guard !batch.isEmpty else { return }
            channel.send(.records(batch))
            batch.removeAll(keepingCapacity: true)
        }
        do {
            while !channel.isClosed {
                let next = try reader.next(beforeWait: {
                    guard flushBeforeWaiting else { return }
                    sendBatch()
                    channel.send(.flush)
                })
                guard let item = next else { break }
                let classifier = live.current
                if case .mention(let mention) = item.record.result {
                    batch.append((item, classifier.suggest(for: mention, explained: false)))
                } else if case .edited(_, let mention) = item.record.result {
                    batch.append((item, classifier.suggest(for: mention, explained: false)))
                } else {
                    batch.append((item, nil))
                }
                if batch.count >= channelBatch { sendBatch() }
            }
            sendBatch()
        } catch {
            sendBatch()
            channel.send(.failure(error))
        }
        channel.send(.end)
    }
}

extension ImportTotals {
    /// A file refused whole: its rejections count, nothing else does.
    init(rejectedFile batch: ImportTotals) {
        self.init()
        rejected = batch.rejected
    }
}
