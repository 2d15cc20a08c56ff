import Foundation
import InboxModel
import InboxStore
@testable import InboxTUI

/// A real inbox database with the sample mentions, the hostile file's good records and
/// a CJK/emoji mention, all arrived at one fixed time, and an app state driven through
/// the real app core and effect runner at a fixed clock: screens that are the same on
/// every run.
final class ScreenFixture {
    static let arrival = Date(timeIntervalSince1970: 1_795_000_000)
    let directory = NSTemporaryDirectory() + "webcare-screens-\(UUID().uuidString)"
    let inbox: Inbox
    var state: AppState
    var now: Date
    /// What the last event handled asked for (the innermost, when effects answer with
    /// events of their own).
    private(set) var effects: [AppEffect] = []

    init(width: Int, height: Int) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let inbox = try Inbox(path: directory + "/inbox.sqlite", agent: "mirjam")
        self.inbox = inbox
        for file in ["mentions.jsonl", "hostile.jsonl"] {
            let descriptor = open(StoreCommandTests.sample + "/" + file, O_RDONLY)
            defer { close(descriptor) }
            let reader = RecordReader(lines: LineReader(descriptor: descriptor), fileName: file, format: nil,
                                      check: RecordCheck(ownHandles: []))
            // As a replay would: every customer has waited since the fixture's arrival.
            var importer = MentionImport()
            importer.clockOrigin = .arrival
            _ = try importer.run(reader, label: file, into: inbox, admit: { _ in Self.arrival }, report: { _ in })
        }
        try inbox.addingMentions { writer in
            let mention = Mention(platform: .instagram, channel: .comment, id: "ig-cjk-1", conversationID: nil,
                                  inReplyToID: nil,
                                  author: Author(handle: "yuki_tanaka", name: "田中 由紀", followers: 2_100_000, verified: true),
                                  text: "NetViaのルーターが毎晩落ちます 😡👨‍👩‍👧 Kunnen jullie dit oplossen? é è ñ",
                                  postedAt: Self.arrival, language: "ja", link: nil)
            _ = try writer.add(mention, suggestion: inbox.classifier.suggest(for: mention), arrivedAt: Self.arrival)
        }
        now = Self.arrival.addingTimeInterval(25 * 60)
        var settings = AppState.Settings()
        settings.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        state = AppState(width: width, height: height, now: now, agent: "mirjam", databaseLabel: "inbox.sqlite",
                         settings: settings)
        run(state.start())
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func send(_ event: AppEvent) {
        let effects = state.update(event)
        self.effects = effects
        run(effects)
    }

    func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Moves the clock on by `seconds` and delivers the tick.
    func wait(_ seconds: TimeInterval) {
        now = now.addingTimeInterval(seconds)
        send(.tick(now))
    }

    var screen: Screen { Render.screen(state) }

    private func run(_ effects: [AppEffect]) {
        for effect in effects {
            let event: AppEvent?
            do {
                event = try EffectRunner(inbox: inbox).run(effect, now: now)
            } catch {
                event = .failed(EffectRunner.describe(error))
            }
            if let event { send(event) }
        }
    }
}
