import Foundation
import GRDB
import InboxModel
import Testing
@testable import InboxStore

/// Cases in the store: answers join the case they answer, the flow hears the customer in
/// the same transaction as the mention, the queue shows one line per case, and the
/// thread holds the customer's messages and our replies in the order they happened.
@Suite("Cases: the customer's answer joins their case and moves its flow")
struct CaseTests {
    static func tweet(_ id: String, _ text: String, handle: String = "sanne_dekker", inReplyTo: String? = nil,
                      conversation: String? = nil, channel: MentionChannel = .publicMention, at: Double = 0) -> Mention {
        Mention(platform: .twitter, channel: channel, id: id, conversationID: conversation, inReplyToID: inReplyTo,
                author: Author(handle: handle, name: "Sanne Dekker", followers: 412), text: text, postedAt: t(at))
    }

    static let first = Reply(text: "Hoi Sanne, wat vervelend dat je al 3 dagen zonder internet zit. We zoeken het intern uit. ^Lotte",
                             channel: .twitter, moves: ReplyPurpose.complaintFirst.moves)
    static let second = Reply(text: "Hoi Sanne, de storing in je straat is om 14:00 verholpen. Werkt het weer bij je? ^Lotte",
                              channel: .twitter, moves: ReplyPurpose.complaintSecond.moves)

    @Test("sanne's complaint: reply, ack with the posted id, her answers join, one queue line, three messages, two replies")
    func complaintConversation() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "lotte")
        let number = try inbox.add([Self.tweet("tw-1000", "@NetVia al 3 dagen geen internet in Utrecht-Oost.")],
                                   arrivedAt: t(0))[0]
        #expect(try inbox.mention("tw-1000").status == .new)
        try inbox.append(.classify(.complaint), to: number, seenSeq: 0, at: t(60))
        let sent = try inbox.append(.send(Self.first), to: number, seenSeq: 1, at: t(120))
        try inbox.acknowledge(outbox: sent.outbox[0], postedID: "tw-9001", at: t(130))
        #expect(try inbox.mention("tw-1000").status == .inProgress)
        // Our reply stopped the clock: the first response took two minutes.
        #expect(try inbox.mention("tw-1000").waitingSince == nil)
        #expect(try inbox.flow(of: number).clock.firstResponse?.seconds == 120)

        // Her answer to our reply (no conversation id: only the posted id ties it).
        try inbox.add([Self.tweet("tw-1066", "@NetVia nog steeds niks. Dag 4!", inReplyTo: "tw-9001", at: 200)],
                      arrivedAt: t(200))
        var opening = try inbox.mention("tw-1000")
        #expect(opening.status == .customerReplied)
        #expect(opening.messages == 2 && opening.latestText == "@NetVia nog steeds niks. Dag 4!")
        #expect(opening.waitingSince == t(200))
        #expect(try inbox.mention("tw-1066").caseNumber == CaseNumber(number))
        #expect(try inbox.history(of: number).last.map { [$0.agent, $0.event.name] } == ["@sanne_dekker", "author-wrote"])

        try inbox.append(.investigated(solution: "de storing is om 14:00 verholpen"), to: number,
                         seenSeq: opening.lastSeq, at: t(300))
        let again = try inbox.append(.send(Self.second), to: number, seenSeq: opening.lastSeq + 1, at: t(360))
        #expect(try inbox.mention("tw-1000").status == .waitingForCustomer)
        try inbox.acknowledge(outbox: again.outbox[0], postedID: "tw-9002", at: t(370))
        try inbox.add([Self.tweet("tw-1067", "@NetVia het werkt weer, dank voor het meedenken!", inReplyTo: "tw-9002",
                                  at: 400)], arrivedAt: t(400))
        opening = try inbox.mention("tw-1000")
        #expect(opening.status == .customerReplied && opening.messages == 3)
        #expect(try inbox.flow(of: number).clock.responses.map(\.seconds) == [120, 160])
        try inbox.append(.close(.resolved), to: number, seenSeq: opening.lastSeq, at: t(460))

        #expect(try inbox.queue(scope: .all, now: t(500)).map(\.mention.id) == ["tw-1000"])
        #expect(try inbox.queue(now: t(500)).isEmpty)
        let thread = try inbox.thread(ofCase: CaseNumber(number), now: t(500)).map { entry -> String in
            switch entry {
            case .message(let stored, let inCase): "\(inCase ? "customer" : "other") \(stored.mention.id)"
            case .reply(let reply): "reply \(reply.postedID ?? "-")"
            }
        }
        #expect(thread == ["customer tw-1000", "reply tw-9001", "customer tw-1066", "reply tw-9002", "customer tw-1067"])
        // Our second reply answers her latest message, not the first one.
        #expect(try inbox.outbox(includeDelivered: true).map(\.platformMentionID) == ["tw-1000", "tw-1066"])
    }

    @Test("an answer and the authorWrote it causes land in one transaction: a case that cannot take the event keeps the mention out")
    func joinIsAtomic() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "lotte")
        let number = try inbox.add([Self.tweet("tw-1000", "@NetVia al 3 dagen geen internet.")])[0]
        // An event the case's row does not count takes the sequence number the answer's
        // author-wrote needs: the log refuses it, and the answer does not land either.
        try inbox.queue.write { db in
            try db.execute(sql: "INSERT INTO flow_event VALUES (?, 1, 0, 'x', '{\"note\":{\"_0\":\"x\"}}')",
                           arguments: [number])
        }
        #expect(throws: (any Error).self) {
            try inbox.add([Self.tweet("tw-1066", "@NetVia nog steeds niks.", conversation: "tw-1000")])
        }
        #expect(try inbox.mentionCount() == 1)
        #expect(try inbox.mention("tw-1000").messages == 1)
    }

    @Test("joins logged without folding the log leave the case exactly as folding it would")
    func unfoldedJoinsMatchTheFold() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "lotte")
        let number = try inbox.add([Self.tweet("tw-1000", "@NetVia geen internet.")], arrivedAt: t(0))[0]
        for index in 1...4 {
            try inbox.add([Self.tweet("tw-10\(index)", "@NetVia en nu?", conversation: "tw-1000", at: Double(index))],
                          arrivedAt: t(Double(index * 60)))
        }
        let stored = try inbox.mention("tw-1000")
        let flow = try inbox.flow(of: number)
        #expect(stored.lastSeq == 4 && stored.messages == 5)
        #expect(stored.status == CaseStatus(flow) && stored.phase == flow.casePhase && stored.step == flow.step)
        #expect(stored.waitingSince == flow.clock.waitingSince && stored.waitingSince == t(0))
        // The next step folds the whole log, unfolded events included.
        try inbox.append(.classify(.complaint), to: number, seenSeq: 4, at: t(400))
        #expect(try inbox.mention("tw-1000").status == .new)
    }

    @Test("the allegation thread: six authors, six cases, one thread; a second message of one author joins theirs")
    func severalAuthors() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "lotte")
        let root = Self.tweet("tw-1003", "@NetVia jullie verkopen klantgegevens!", handle: "kritischeklant")
        let others = ["tom_visser", "BNR_techdesk", "privacyfirst_nl", "jdeboer77", "techguy_mark"].enumerated().map {
            Self.tweet("tw-10\($0.offset + 10)", "Klopt het dat @NetVia data verkoopt?", handle: $0.element,
                       conversation: "tw-1003", at: Double($0.offset + 1))
        }
        let again = Self.tweet("tw-1099", "@NetVia nog steeds geen antwoord", handle: "tom_visser",
                               conversation: "tw-1003", at: 99)
        try inbox.add([root] + others + [again])
        let queue = try inbox.queue(now: t(100))
        #expect(queue.count == 6)
        #expect(Set(queue.map(\.mention.author.handle)).count == 6)
        let tom = try inbox.mention("tw-1010")
        #expect(tom.messages == 2)
        #expect(try inbox.mention("tw-1099").caseNumber == tom.caseNumber)
        let thread = try inbox.thread(ofCase: tom.caseNumber, now: t(100))
        let customer = thread.filter { if case .message(_, true) = $0 { true } else { false } }
        #expect(customer.count == 2 && thread.count == 7)
    }

    @Test("a case opened earlier in the same batch is joined: answers to answers, direct messages, a repeated row")
    func joinsWithinOneBatch() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "lotte")
        let batch = [
            Self.tweet("dm-1", "Mijn nummer is niet overgezet.", channel: .directMessage),
            Self.tweet("tw-1", "@NetVia internet ligt eruit"),
            Self.tweet("dm-2", "Nog steeds niet.", channel: .directMessage, at: 10),
            Self.tweet("tw-2", "@NetVia al drie dagen", inReplyTo: "tw-1", conversation: "tw-1", at: 20),
            Self.tweet("tw-3", "@NetVia hallo?", inReplyTo: "tw-2", conversation: "tw-1", at: 30),
            Self.tweet("tw-3", "@NetVia hallo?", inReplyTo: "tw-2", conversation: "tw-1", at: 30),
        ]
        let joined = try inbox.addingMentions { writer in
            _ = try writer.add(batch.map {
                MentionWriter.Row($0, suggestion: inbox.classifier.suggest(for: $0), arrivedAt: t(40))
            })
            return writer.joined
        }
        #expect(joined == 3)
        let dm = try inbox.mention("dm-1"), tweet = try inbox.mention("tw-1")
        #expect(dm.messages == 2 && tweet.messages == 3)
        #expect(try inbox.mention("tw-3").caseNumber == tweet.caseNumber && inbox.mention("tw-3").phase == .joined)
        #expect(try inbox.history(of: tweet.number).map(\.event) == [.authorWrote("@NetVia al drie dagen"),
                                                                     .authorWrote("@NetVia hallo?")])
        #expect(try inbox.queue(now: t(100)).count == 2)
    }

    @Test("a direct message joins the author's open DM case, and reopens one closed within the house window")
    func directMessages() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "lotte", caseRule: CaseRule(reopenWindow: 3600))
        let number = try inbox.add([Self.tweet("dm-1", "Mijn nummer is niet overgezet.", channel: .directMessage)],
                                   arrivedAt: t(0))[0]
        try inbox.add([Self.tweet("dm-2", "Nog steeds niet.", channel: .directMessage, at: 60)], arrivedAt: t(60))
        #expect(try inbox.mention("dm-1").messages == 2)
        try inbox.append(.dismiss(.spam, note: ""), to: number, seenSeq: 1, at: t(100))
        try inbox.add([Self.tweet("dm-3", "Hallo?", channel: .directMessage, at: 1000)], arrivedAt: t(1000))
        #expect(try inbox.mention("dm-3").caseNumber == CaseNumber(number))
        #expect(try inbox.mention("dm-1").phase == .triage)
        try inbox.append(.dismiss(.spam, note: ""), to: number, seenSeq: 3, at: t(1100))
        try inbox.add([Self.tweet("dm-4", "Hallo??", channel: .directMessage, at: 9000)], arrivedAt: t(9000))
        #expect(try inbox.mention("dm-4").opensCase)
    }

    @Test("a step on a mention that joined a case is refused, naming the case")
    func stepsGoToTheCase() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "lotte")
        let numbers = try inbox.add([Self.tweet("tw-1000", "@NetVia geen internet."),
                                     Self.tweet("tw-1066", "@NetVia nog steeds niks.", conversation: "tw-1000")])
        #expect(throws: StoreError.partOfCase(mention: numbers[1], case: CaseNumber(numbers[0]))) {
            try inbox.append(.classify(.complaint), to: numbers[1], seenSeq: 0)
        }
        #expect(try inbox.openingMention(of: "tw-1066").number == numbers[0])
    }

    @Test("a database from before cases: answers join by the same rule, worked-on mentions keep their own flow")
    func migration() throws {
        let dir = try TemporaryDirectory()
        let old = try oldDatabase(dir, upTo: "v4: author index without random inserts")
        try old.write { db in
            func insert(_ id: String, conversation: String?, handle: String) throws {
                try insertAsVersion1(db, Self.tweet(id, "tekst", handle: handle, conversation: conversation))
            }
            try insert("tw-1000", conversation: nil, handle: "sanne_dekker")
            try insert("tw-1066", conversation: "tw-1000", handle: "sanne_dekker")
            try insert("tw-1067", conversation: "tw-1000", handle: "sanne_dekker")
            try insert("tw-1068", conversation: "tw-1000", handle: "emma")
            // An agent already classified this one on its own: it stays its own case.
            try db.execute(sql: """
                INSERT INTO flow_event VALUES (3, 1, 0, 'lotte', '{"classify":{"_0":"positive"}}');
                UPDATE mention SET last_seq = 1, kind = 'positive', kind_confirmed = 1, phase = 'running',
                    step = 'positive/thank' WHERE id = 3;
                """)
        }
        try old.close()
        let inbox = try Inbox(path: dir.database, agent: "lotte")
        #expect(try inbox.mention("tw-1000").messages == 2)
        #expect(try inbox.mention("tw-1066").caseNumber == CaseNumber(1))
        #expect(try inbox.mention("tw-1067").opensCase && inbox.mention("tw-1067").status == .new)
        #expect(try inbox.mention("tw-1068").opensCase)
        #expect(try inbox.summary(filter: .open, now: t(0)).shown == 3)
    }
}
