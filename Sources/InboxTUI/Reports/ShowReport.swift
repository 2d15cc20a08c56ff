import Foundation
import InboxModel
import InboxStore

/// `show --json`: every field of `list --json`, plus what the flow says now and the
/// whole history.
struct ShowReport: Encodable {
    struct HistoryEntry: Encodable {
        var seq: Int
        var at: String
        var agent: String
        /// The event's short name (classify, send, …).
        var name: String
        /// The event itself, as the log stores it.
        var event: FlowEvent
    }

    struct NoteEntry: Encodable {
        var at: String
        var text: String
    }

    var mention: MentionReport
    var guidance: String
    var pendingHandOff: String?
    var notes: [NoteEntry]
    var history: [HistoryEntry]

    private enum Keys: String, CodingKey {
        case guidance, pendingHandOff, notes, history
    }

    init(_ stored: StoredMention, flow: MentionFlow, history: [LoggedEvent], inbox: Inbox, now: Date) {
        mention = MentionReport(stored, classifier: inbox.classifier, deadlines: inbox.deadlines, now: now)
        guidance = flow.guidance(at: now)
        pendingHandOff = flow.pendingHandOff
        notes = flow.notes.map { NoteEntry(at: ISOTime.string($0.at), text: $0.text) }
        self.history = history.map {
            HistoryEntry(seq: $0.seq, at: ISOTime.string($0.at), agent: $0.agent, name: $0.event.name, event: $0.event)
        }
    }

    func encode(to encoder: Encoder) throws {
        try mention.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(guidance, forKey: .guidance)
        try container.encode(pendingHandOff, forKey: .pendingHandOff)
        try container.encode(notes, forKey: .notes)
        try container.encode(history, forKey: .history)
    }
}
