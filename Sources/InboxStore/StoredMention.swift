import Foundation
import GRDB
import InboxModel

/// A mention as the inbox holds it: the mention itself, its local number (what agents
/// type: `webcare show 42`), when it arrived here, what the classifier suggested, and
/// the state of its flow as of the last event.
public struct StoredMention: Equatable, Sendable {
    /// The local number, unique in this database.
    public var number: Int64
    public var mention: Mention
    /// When it reached the inbox (the replay clock for a replay); reaction clocks run from here.
    public var arrivedAt: Date
    /// The classifier's likely kind (also when unsure or when no reply is needed).
    public var suggestedKind: MentionKind?
    public var looksLikeSpam: Bool
    /// Whether the classifier thinks someone should answer it.
    public var needsReply: Bool
    /// How sure the suggestion is, 0-100 (`KindClassifier.Suggestion.confidence`).
    public var confidence: Int
    /// The kind an agent confirmed, nil until someone classifies it.
    public var confirmedKind: MentionKind?
    /// Where the case stands in the store; `joined` for a mention that joined an earlier
    /// mention's case.
    public var phase: CasePhase
    /// Where the case's flow is; nil on a mention that joined another's case (the flow is
    /// that case's).
    public var step: FlowStep?
    public var outcome: String?
    /// The number of events in its log; the next event is `lastSeq + 1`.
    public var lastSeq: Int
    /// Who holds it right now, if anyone.
    public var holder: Claim?
    /// The case it belongs to: its own number when it opened the case.
    public var caseNumber: CaseNumber
    /// The customer's messages in the case (on the case's first mention; 1 on the others).
    public var messages: Int
    /// The customer's latest message in the case, when that is not this mention.
    public var latest: LatestMessage?
    /// Whose turn it is (on the case's first mention).
    public var status: CaseStatus
    /// Someone saved a draft reply on the case.
    public var draftSaved: Bool
    /// When this message started the customer's wait (posted time for an import, feed
    /// time for a replay).
    public var clockFrom: Date
    /// On the case's first mention: when the customer's current wait for us began; nil
    /// while nobody waits on us (we replied, or it is paused or closed).
    public var waitingSince: Date?

    /// The customer's latest message of a case, for the queue line.
    public struct LatestMessage: Equatable, Sendable {
        public var number: Int64
        public var text: String
        public var postedAt: Date
    }

    /// Its reaction clock at `now`: from the start of the customer's current wait, on the
    /// deadline of its kind and channel; nil while nobody waits on us.
    public func clock(deadlines: ReactionDeadlines, now: Date) -> ReactionClock? {
        waitingSince.map {
            ReactionClock(arrival: $0, allowed: deadlines.seconds(for: kind, on: mention.homeChannel), now: now)
        }
    }

    /// The step as `show`, `list` and the case view print it: its code, or "joined".
    public var stepLabel: String { step?.code ?? phase.rawValue }

    /// It opened its case, so it carries the case's flow.
    public var opensCase: Bool { caseNumber.rawValue == number }

    /// The text the queue shows for the case: the customer's latest message.
    public var latestText: String { latest?.text ?? mention.text }

    /// The kind the queue sorts and counts it by: confirmed, else suggested unless it
    /// needs no reply (then it sorts with what nobody classified).
    public var kind: MentionKind? { confirmedKind ?? (needsReply ? suggestedKind : nil) }

    /// Platform and platform id, the way scripts name a mention across databases.
    public var key: String { "\(mention.platform.rawValue):\(mention.id)" }

    /// Columns every query that builds a `StoredMention` selects.
    static let columns = """
        m.id, m.platform, m.platform_id, m.channel, m.conversation_id, m.in_reply_to_id, m.author_handle,
        m.author_name, m.followers, m.verified, m.text, m.posted_at, m.language, m.link, m.arrived_at,
        m.suggested_kind, m.spam, m.needs_reply, m.confidence, m.kind, m.kind_confirmed, m.phase, m.step, m.outcome, m.last_seq,
        c.agent AS holder, c.expires_at AS holder_until, m.case_id, m.case_messages, m.status, m.department,
        l.id AS latest_id, l.text AS latest_text, l.posted_at AS latest_posted_at,
        EXISTS (SELECT 1 FROM draft d WHERE d.mention_id = m.id) AS draft_saved, m.clock_from, m.clock_at
        """

    /// The joins `columns` reads from: `holder`, a claim that has not expired at `:now`,
    /// and the case's latest message.
    static let joins = """
        LEFT JOIN claim c ON c.mention_id = m.id AND c.expires_at > :now LEFT JOIN mention l ON l.id = m.case_latest
        """

    init(row: Row) throws {
        func decoded<T: RawRepresentable<String>>(_ column: String, as type: T.Type) throws -> T {
            let raw: String = row[column]
            guard let value = T(rawValue: raw) else { throw StoreError.corrupt(column: column, value: raw) }
            return value
        }
        let confirmed: Bool = row["kind_confirmed"]
        let kindName: String? = row["kind"]
        let suggestedName: String? = row["suggested_kind"]
        number = row["id"]
        mention = Mention(
            platform: try decoded("platform", as: Platform.self),
            channel: try decoded("channel", as: MentionChannel.self),
            id: row["platform_id"], conversationID: row["conversation_id"], inReplyToID: row["in_reply_to_id"],
            author: Author(handle: row["author_handle"], name: row["author_name"], followers: row["followers"],
                           verified: row["verified"]),
            text: row["text"], postedAt: Date(timeIntervalSince1970: row["posted_at"]),
            language: row["language"], link: row["link"])
        arrivedAt = Date(timeIntervalSince1970: row["arrived_at"])
        suggestedKind = suggestedName.flatMap(MentionKind.init(rawValue:))
        looksLikeSpam = row["spam"]
        needsReply = row["needs_reply"]
        confidence = max(0, min(100, row["confidence"] as Int))
        confirmedKind = confirmed ? kindName.flatMap(MentionKind.init(rawValue:)) : nil
        phase = try decoded("phase", as: CasePhase.self)
        let stepCode: String = row["step"]
        if phase == .joined {
            step = nil
        } else {
            guard let step = FlowStep(code: stepCode) else { throw StoreError.corrupt(column: "step", value: stepCode) }
            self.step = step
        }
        outcome = row["outcome"]
        lastSeq = row["last_seq"]
        let holderName: String? = row["holder"]
        holder = holderName.map { Claim(agent: $0, expiresAt: Date(timeIntervalSince1970: row["holder_until"])) }
        let caseID: Int64? = row["case_id"]
        caseNumber = CaseNumber(caseID ?? number)
        messages = row["case_messages"]
        let statusCode: String = row["status"]
        guard let status = CaseStatus(code: statusCode, department: row["department"]) else {
            throw StoreError.corrupt(column: "status", value: statusCode)
        }
        self.status = status
        draftSaved = row["draft_saved"]
        clockFrom = Date(timeIntervalSince1970: row["clock_from"])
        let clockAt: Double? = row["clock_at"]
        waitingSince = phase == .closed ? nil : clockAt.map(Date.init(timeIntervalSince1970:))
        let latestID: Int64? = row["latest_id"]
        latest = latestID.map { LatestMessage(number: $0, text: row["latest_text"],
                                              postedAt: Date(timeIntervalSince1970: row["latest_posted_at"])) }
    }
}

/// An agent's hold on a mention, until the lease runs out.
public struct Claim: Equatable, Sendable {
    public var agent: String
    public var expiresAt: Date
}

/// The coarse state the queue keeps of a mention (the `phase` column): a case in
/// triage, running or closed, or a mention that joined an earlier mention's case.
public enum CasePhase: String, CaseIterable, Sendable {
    case triage
    case running
    case closed
    case joined
}
