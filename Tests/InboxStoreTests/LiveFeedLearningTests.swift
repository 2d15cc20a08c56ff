import Foundation
import InboxModel
import Testing
@testable import InboxStore

/// A live feed (a pipe that stays open, as `webcare replay` and connectors feed it)
/// classifies with what the team teaches while it runs.
@Suite struct LiveFeedLearningTests {
    final class Outcome: @unchecked Sendable {
        var totals: ImportTotals?
        var failure: (any Error)?
    }

    @Test func aLiveFeedClassifiesWithWhatTheTeamTaughtMeanwhile() throws {
        let directory = try TemporaryDirectory()
        let feed = try Inbox(path: directory.database, agent: "feed")
        let team = try Inbox(path: directory.database, agent: "alice")
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let reader = RecordReader(lines: LineReader(descriptor: ends[0]), fileName: "feed", format: nil,
                                  check: RecordCheck(), csv: CSVOptions(mapping: [:]))
        var importer = MentionImport()
        importer.modelRefresh = 0
        let outcome = Outcome(), finished = DispatchSemaphore(value: 0)
        let running = Thread { [importer] in
            do {
                outcome.totals = try importer.run(reader, label: "feed", into: feed, commitEach: true, report: { _ in })
            } catch {
                outcome.failure = error
            }
            finished.signal()
        }
        running.start()
        var closed = false
        // Also when an expectation throws: the feed ends, the import with it.
        defer {
            if !closed {
                close(ends[1])
                finished.wait()
            }
            close(ends[0])
        }
        func send(_ id: String) {
            let line = #"{"platform": "twitter", "channel": "mention", "id": "\#(id)", "author": {"handle": "p", "name": "P", "followers": 1, "verified": false}, "text": "@SkyWings my flight is delayed", "postedAt": "2026-11-16T08:00:00Z", "language": "en"}"# + "\n"
            _ = line.utf8CString.withUnsafeBufferPointer { write(ends[1], $0.baseAddress, line.utf8.count) }
        }
        /// The mention once the feed committed it (a hang guard, not a measure).
        func arrived(_ id: String) throws -> StoredMention {
            let patience = Date().addingTimeInterval(60)
            while Date() < patience {
                if let found = try? team.mention("twitter:\(id)") { return found }
                usleep(20_000)
            }
            throw StoreError.noSuchMention(id)
        }
        send("1")
        #expect(try arrived("1").suggestedKind == .complaint)
        // This team files every delay as a question.
        try team.train((0..<400).map { index in
            LabelledFile.Entry(line: index + 1, text: index % 2 == 0 ? "@SkyWings my flight is delayed" : "@SkyWings lovely crew",
                               languageTag: "en", labels: [index % 2 == 0 ? .kind(.question) : .kind(.positive)])
        })
        // The next commit reads the model before it lands, so what follows it is
        // classified with what the team just taught.
        send("2")
        _ = try arrived("2")
        send("3")
        #expect(try arrived("3").suggestedKind == .question)
        close(ends[1])
        closed = true
        finished.wait()
        #expect(outcome.failure == nil && outcome.totals?.imported == 3)
    }
}
