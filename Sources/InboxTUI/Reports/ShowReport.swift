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

    /// One line of the thread: a message (the customer's, `inCase`, or someone else's in
    /// the conversation) or one of our replies.
    struct ThreadLine: Encodable {
        /// message or reply.
        var type: String
        /// The mention's number, or the outbox entry's id.
        var number: Int64
        /// The author's handle, or the agent who sent the reply.
        var from: String
        var text: String
        /// When it arrived here, or when the reply was sent.
        var at: String
        var inCase: Bool
        /// For a reply: the id the platform gave it once posted.
        var postedId: String?
        var posted: Bool
    }

    var mention: MentionReport
    var guidance: String
    var pendingHandOff: String?
    var notes: [NoteEntry]
    var history: [HistoryEntry]
    var thread: [ThreadLine]
    /// The waits measured so far: {kind (first, next), seconds, withoutReply}.
    var responses: [ResponseLine]

    struct ResponseLine: Encodable {
        var kind: String
        var seconds: Int
        var withoutReply: Bool
    }

    private enum Keys: String, CodingKey {
        case guidance, pendingHandOff, notes, history, thread, responses
    }

    init(_ stored: StoredMention, flow: MentionFlow, history: [LoggedEvent], thread: [ThreadEntry], inbox: any InboxDatabase,
         now: Date) {
        responses = flow.clock.responses.map {
            ResponseLine(kind: $0.kind.rawValue, seconds: $0.seconds, withoutReply: $0.withoutReply)
        }
        self.thread = thread.map { entry in
            switch entry {
            case .message(let message, let inCase):
                ThreadLine(type: "message", number: message.number, from: message.mention.author.handle,
                           text: message.mention.text, at: TimeText.iso(message.arrivedAt), inCase: inCase,
                           postedId: message.mention.id, posted: true)
            case .reply(let reply):
                ThreadLine(type: "reply", number: reply.id, from: reply.agent, text: reply.text ?? "",
                           at: TimeText.iso(reply.createdAt), inCase: true, postedId: reply.postedID,
                           posted: reply.deliveredAt != nil)
            }
        }
        mention = MentionReport(stored, classifier: (try? inbox.currentClassifier()) ?? inbox.classifier,
                                deadlines: inbox.deadlines, now: now)
        guidance = flow.guidance(at: now)
        pendingHandOff = flow.pendingHandOff
        notes = flow.notes.map { NoteEntry(at: TimeText.iso($0.at), text: $0.text) }
        self.history = history.map {
            HistoryEntry(seq: $0.seq, at: TimeText.iso($0.at), agent: $0.agent, name: $0.event.name, event: $0.event)
        }
    }

    func encode(to encoder: Encoder) throws {
        try mention.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(guidance, forKey: .guidance)
        try container.encode(pendingHandOff, forKey: .pendingHandOff)
        try container.encode(notes, forKey: .notes)
        try container.encode(history, forKey: .history)
        try container.encode(thread, forKey: .thread)
        try container.encode(responses, forKey: .responses)
    }
}
