import Foundation
import InboxModel
import Testing
import TestSupport
@testable import InboxStore

/// The queue as the inbox reads it (runs of the queue index, text index, kept counts)
/// checked against the same queue worked out in Swift from every mention: the order of
/// `QueueEntry.precedes`, each filter word as the start of a word (case and accents
/// ignored; a word without letters or digits anywhere in the text), pages, and the
/// header counts.
@Suite("Filtered queue pages and counts equal the queue worked out in Swift")
struct QueueFilterQueryTests {
    static let texts = ["Jullie zijn oplichters! #storing", "al 3 dagen geen internet, storing?",
                        "waardeloos, nooit meer NetVia", "hoe kan ik mijn modem resetten?", "top geholpen, dank!",
                        "zit op het terras in het Café", "Storingen bij jullie? 😤", "cafe open?",
                        "mail me via e-mail"]

    /// One inbox of 400 random mentions: kinds suggested and confirmed, some closed, some
    /// answered (their clock stops), some held by alice or bob, arrivals over 30 hours, all platforms and channels. Direct
    /// messages of one author join their case, so the queue holds fewer lines than that.
    static func randomInbox(_ dir: TemporaryDirectory, now: Date) throws -> Inbox {
        var rng = SeededGenerator()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let bob = try Inbox(path: dir.database, agent: "bob")
        for i in 0..<400 {
            let m = mention("m\(i)", text: texts.randomElement(using: &rng)!, handle: "h\(i % 50)",
                            followers: [3, 45, 900, 12_000, 340_000, 2_100_000, 40_000_000].randomElement(using: &rng)!,
                            platform: Platform.allCases.randomElement(using: &rng)!,
                            channel: MentionChannel.allCases.randomElement(using: &rng)!)
            let number = try inbox.add([m], arrivedAt: now.addingTimeInterval(-Double.random(in: 0...(30 * 3600),
                                                                                             using: &rng)))[0]
            let step = Int.random(in: 0..<10, using: &rng)
            guard try inbox.mention(String(number)).opensCase else { continue }
            switch step {
            case 0: try inbox.append(.dismiss(.spam, note: ""), to: number, seenSeq: 0, at: now)
            case 1, 2: try inbox.append(.classify(MentionKind.allCases.randomElement(using: &rng)!), to: number,
                                        seenSeq: 0, at: now)
            case 3: _ = try inbox.claim(number, at: now)
            case 4: _ = try bob.claim(number, at: now)
            case 5:
                // Answered: the clock stops, and the case sorts after those still waiting.
                try inbox.append(.classify(.question), to: number, seenSeq: 0, at: now)
                try inbox.append(.send(Reply(text: answer.text, channel: m.homeChannel, moves: [.answer])), to: number,
                                 seenSeq: 1, at: now)
            default: break
            }
        }
        return inbox
    }

    /// The Swift reading of `filter` for one stored mention at `now`.
    /// Whether the case `stored` opens passes `filter`; `members` are the mentions that
    /// joined it (a word may be in any of its messages, all of a word's pieces in one).
    static func passes(_ stored: StoredMention, members: [StoredMention], _ filter: QueueFilter, inbox: Inbox,
                       now: Date) -> Bool {
        if !filter.includeClosed && stored.phase == .closed { return false }
        if let phase = filter.phase, stored.phase != phase { return false }
        if let kind = filter.kind, stored.kind != kind { return false }
        if let platform = filter.platform, stored.mention.platform != platform { return false }
        if filter.mine && stored.holder?.agent != inbox.agent { return false }
        if filter.overdue && clock(stored, inbox: inbox, now: now) != .overdue { return false }
        let fold = { (text: String) in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let messages = [stored] + members
        let indexed = filter.words.filter(QueueFilter.isIndexed).flatMap(QueueFilter.indexedPieces)
        let oneMessageHasAllPieces = indexed.isEmpty || messages.contains { message in
            let fields = [message.mention.text, message.mention.author.handle, message.mention.author.name]
            let words = fields.flatMap { fold($0).split { !$0.isLetter && !$0.isNumber } }
            return indexed.allSatisfy { piece in words.contains { $0.hasPrefix(fold(String(piece))) } }
        }
        let texts = messages.map(\.mention.text) + [stored.mention.author.handle, stored.mention.author.name]
        return oneMessageHasAllPieces && filter.words.filter { !QueueFilter.isIndexed($0) }.allSatisfy { word in
            texts.contains { $0.localizedCaseInsensitiveContains(word) }
        }
    }

    /// The case's clock worked out here from when its wait began; nil when it does not run.
    static func clock(_ stored: StoredMention, inbox: Inbox, now: Date) -> ReactionClock.State? {
        stored.waitingSince.map {
            ReactionClock(arrival: $0, allowed: inbox.deadlines.seconds(for: stored.kind, on: stored.mention.homeChannel),
                          now: now).state
        }
    }

    static func inSwiftOrder(_ mentions: [StoredMention], inbox: Inbox, now: Date) -> [String] {
        mentions.map { s in
            QueueEntry(id: s.key, kind: s.kind, clock: clock(s, inbox: inbox, now: now),
                       followers: s.mention.author.followers, arrivedAt: s.arrivedAt, waitingSince: s.waitingSince)
        }.inQueueOrder().map(\.id)
    }

    @Test("every filter: whole queue, pages at random offsets and the shown count match Swift",
          arguments: ["", "kind:complaint", "kind:allegation overdue", "platform:facebook", "state:running", "mine",
                      "overdue", "storing", "STORING jullie", "cafe", "platform:twitter storing", "all", "all cafe",
                      "state:closed", "😤", "h1 overdue", "e-mail", "ver-mail"])
    func filtered(_ typed: String) throws {
        let dir = try TemporaryDirectory()
        let now = t(40 * 3600)
        let inbox = try Self.randomInbox(dir, now: now)
        let filter = try QueueFilter(parsing: typed)
        let everything = try inbox.queue(scope: .all, now: now)
        let joined = try (0..<400).filter { try !inbox.mention("m\($0)").opensCase }.count
        #expect(joined > 0 && everything.count == 400 - joined)
        let members = Dictionary(grouping: try (0..<400).map { try inbox.mention("m\($0)") }.filter { !$0.opensCase },
                                 by: \.caseNumber)
        let expected = Self.inSwiftOrder(everything.filter {
            Self.passes($0, members: members[$0.caseNumber] ?? [], filter, inbox: inbox, now: now)
        },
                                         inbox: inbox, now: now)
        #expect(try inbox.queue(filter: filter, now: now).map(\.key) == expected, "seed \(SeededGenerator.seed)")
        // Text matches walked out of the queue index instead of sorted, as with many of them.
        #expect(try inbox.queue(filter: filter, limit: nil, offset: 0, now: now, sortedMatchLimit: 0).map(\.key)
                == expected)
        #expect(try inbox.summary(filter: filter, now: now).shown == expected.count)
        var rng = SeededGenerator(seed: SeededGenerator.seed &+ UInt64(typed.utf8.count))
        for _ in 0..<8 {
            let offset = Int.random(in: 0...max(0, expected.count), using: &rng)
            let limit = Int.random(in: 1...30, using: &rng)
            let page = try inbox.queue(filter: filter, limit: limit, offset: offset, now: now).map(\.key)
            #expect(page == Array(expected.dropFirst(offset).prefix(limit)),
                    "offset \(offset) limit \(limit), seed \(SeededGenerator.seed)")
            let walked = try inbox.queue(filter: filter, limit: limit, offset: offset, now: now, sortedMatchLimit: 0)
            #expect(walked.map(\.key) == page)
        }
    }

    @Test("header counts per kind and overdue follow classifying, closing and the clock")
    func headerCounts() throws {
        let dir = try TemporaryDirectory()
        let now = t(40 * 3600)
        let inbox = try Self.randomInbox(dir, now: now)
        for later in [now, now.addingTimeInterval(3600), now.addingTimeInterval(-20 * 3600)] {
            let open = try inbox.queue(scope: .all, now: later).filter { $0.phase != .closed }
            let summary = try inbox.summary(filter: .open, now: later)
            for kind in MentionKind.allCases {
                #expect(summary.perKind[kind] ?? 0 == open.filter { $0.kind == kind }.count, "\(kind)")
            }
            #expect(summary.unclassified == open.filter { $0.kind == nil }.count)
            #expect(summary.overdue == open.filter { Self.clock($0, inbox: inbox, now: later) == .overdue }.count)
            #expect(summary.shown == open.count)
        }
    }
}
