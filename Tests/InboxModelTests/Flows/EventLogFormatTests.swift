import Foundation
import Testing
@testable import InboxModel

/// The event log's JSON is the format of every team's history: a change to FlowEvent's
/// encoding that makes an old log unreadable, or writes it differently, fails here.
/// `Fixtures/flow-events.jsonl` holds one event of each kind as webcare wrote them when
/// this test was made (2026-11-30; take-over added the same day); it is never regenerated, only
/// added to.
@Suite struct EventLogFormatTests {
    static let reply = Reply(text: "Hoi Sanne, we kijken mee. ^Mir", channel: .twitter, moves: [.acknowledge])
    static let position = TeamPosition(id: "klantdata", topic: "klantdata", version: 2,
                                       statement: "Wij verkopen geen klantgegevens, aan niemand.")

    /// Each kind of event, in the order of the fixture file.
    static let events: [FlowEvent] = [
        .classify(.allegation), .dismiss(.noFactsToOffer, note: "alleen emotie"), .handOff(department: "Techniek"),
        .departmentAnswered(department: "Techniek", answer: "storing opgelost"), .note("belt morgen terug"),
        .authorWrote("het werkt weer, dank!"), .close(.resolved), .send(reply), .amplify(.retweet), .respond,
        .investigated(solution: "modem vervangen"), .authorConfirmed, .takeEmailRoute, .emailHandled,
        .setPosition(position), .think, .draft, .setSeverity(.high), .takeOver(from: "bob"),
        .goOn(reason: "geen antwoord na twee dagen"), .withdrawHandOff, .thought("feiten eerst, niet verdedigen"),
    ]

    static var fixtures: [String] {
        get throws {
            let url = try #require(Bundle.module.url(forResource: "flow-events", withExtension: "jsonl", subdirectory: "Fixtures"))
            return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    @Test func everyKindOfEventHasAFixture() throws {
        let names = Set(Self.events.map(\.name))
        #expect(names.count == Self.events.count)
        #expect(try Self.fixtures.count == Self.events.count)
        #expect(Set(Self.events.map(Self.kind)).count == Self.events.count)
    }

    /// Exhaustive on purpose: a new kind of event does not compile here until it has a
    /// line in the fixture file and a value in `events`.
    static func kind(_ event: FlowEvent) -> Int {
        switch event {
        case .classify: 0
        case .dismiss: 1
        case .handOff: 2
        case .departmentAnswered: 3
        case .note: 4
        case .authorWrote: 5
        case .close: 6
        case .send: 7
        case .amplify: 8
        case .respond: 9
        case .investigated: 10
        case .authorConfirmed: 11
        case .takeEmailRoute: 12
        case .emailHandled: 13
        case .setPosition: 14
        case .think: 15
        case .draft: 16
        case .setSeverity: 17
        case .takeOver: 18
        case .goOn: 19
        case .withdrawHandOff: 20
        case .thought: 21
        }
    }

    @Test func oldLogsReadAsTheSameEvents() throws {
        for (line, event) in zip(try Self.fixtures, Self.events) {
            #expect(try JSONDecoder().decode(FlowEvent.self, from: Data(line.utf8)) == event, "\(line)")
        }
    }

    @Test func eventsAreWrittenAsTheyAlwaysWere() throws {
        for (line, event) in zip(try Self.fixtures, Self.events) {
            let encoded = try JSONEncoder().encode(event)
            let written = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
            let pinned = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
            #expect(written == pinned, "\(event.name): \(String(decoding: encoded, as: UTF8.self))")
        }
    }
}
