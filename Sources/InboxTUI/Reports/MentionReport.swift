import Foundation
import InboxModel
import InboxStore

/// A mention as `list --json` and `show --json` print it. The field names are the
/// interface scripts rely on: add fields, never rename them.
struct MentionReport: Encodable {
    struct AuthorReport: Encodable {
        var handle: String
        var name: String
        var followers: Int
        var verified: Bool
    }

    struct ClockReport: Encodable {
        /// on-time, due-soon or overdue.
        var state: String
        var secondsLeft: Int
    }

    struct HolderReport: Encodable {
        var agent: String
        var until: String
    }

    struct LatestReport: Encodable {
        var number: Int64
        var text: String
        var postedAt: String
    }

    var number: Int64
    var key: String
    var platform: String
    var channel: String
    var id: String
    var conversationID: String?
    var inReplyToID: String?
    var author: AuthorReport
    var text: String
    var postedAt: String
    var language: String?
    var link: String?
    var arrivedAt: String
    var suggestedKind: String?
    /// The words that decided the suggestion.
    var suggestedWords: [String]
    var looksLikeSpam: Bool
    /// Whether the classifier thinks someone should answer, and how sure it is (0-100).
    var needsReply: Bool
    var confidence: Int
    var confirmedKind: String?
    var phase: String
    var step: String
    var outcome: String?
    var lastSeq: Int
    var clock: ClockReport?
    var holder: HolderReport?
    /// The case it belongs to (the number of the case's first mention).
    var caseNumber: Int64
    /// The customer's messages in the case.
    var messages: Int
    /// Whose turn it is: `CaseStatus.code`.
    var status: String
    var department: String?
    var draftSaved: Bool
    /// The customer's latest message, when it is not this one.
    var latest: LatestReport?
    /// When the customer's current wait for us began; null while nobody waits on us.
    var waitingSince: String?

    private enum Keys: String, CodingKey {
        case number, key, platform, channel, id, conversationID, inReplyToID, author, text, postedAt, language, link
        case arrivedAt, suggestedKind, suggestedWords, looksLikeSpam, needsReply, confidence, confirmedKind, phase, step, outcome, lastSeq
        case clock, holder
        case caseNumber = "case", messages, status, department, draftSaved, latest, waitingSince
    }

    /// Every key always present, absent values as null: a script can rely on the shape.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(number, forKey: .number)
        try c.encode(key, forKey: .key)
        try c.encode(platform, forKey: .platform)
        try c.encode(channel, forKey: .channel)
        try c.encode(id, forKey: .id)
        try c.encode(conversationID, forKey: .conversationID)
        try c.encode(inReplyToID, forKey: .inReplyToID)
        try c.encode(author, forKey: .author)
        try c.encode(text, forKey: .text)
        try c.encode(postedAt, forKey: .postedAt)
        try c.encode(language, forKey: .language)
        try c.encode(link, forKey: .link)
        try c.encode(arrivedAt, forKey: .arrivedAt)
        try c.encode(suggestedKind, forKey: .suggestedKind)
        try c.encode(suggestedWords, forKey: .suggestedWords)
        try c.encode(looksLikeSpam, forKey: .looksLikeSpam)
        try c.encode(needsReply, forKey: .needsReply)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(confirmedKind, forKey: .confirmedKind)
        try c.encode(phase, forKey: .phase)
        try c.encode(step, forKey: .step)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(lastSeq, forKey: .lastSeq)
        try c.encode(clock, forKey: .clock)
        try c.encode(holder, forKey: .holder)
        try c.encode(caseNumber, forKey: .caseNumber)
        try c.encode(messages, forKey: .messages)
        try c.encode(status, forKey: .status)
        try c.encode(department, forKey: .department)
        try c.encode(draftSaved, forKey: .draftSaved)
        try c.encode(latest, forKey: .latest)
        try c.encode(waitingSince, forKey: .waitingSince)
    }

    init(_ stored: StoredMention, classifier: KindClassifier, deadlines: ReactionDeadlines, now: Date) {
        let mention = stored.mention
        number = stored.number
        key = stored.key
        platform = mention.platform.rawValue
        channel = mention.channel.rawValue
        id = mention.id
        conversationID = mention.conversationID
        inReplyToID = mention.inReplyToID
        author = AuthorReport(handle: mention.author.handle, name: mention.author.name,
                              followers: mention.author.followers, verified: mention.author.verified)
        text = mention.text
        postedAt = TimeText.iso(mention.postedAt)
        language = mention.language
        link = mention.link
        arrivedAt = TimeText.iso(stored.arrivedAt)
        suggestedKind = stored.suggestedKind?.rawValue
        suggestedWords = classifier.suggest(for: mention).evidence
        looksLikeSpam = stored.looksLikeSpam
        needsReply = stored.needsReply
        confidence = stored.confidence
        confirmedKind = stored.confirmedKind?.rawValue
        phase = stored.phase.rawValue
        step = stored.stepLabel
        outcome = stored.outcome
        lastSeq = stored.lastSeq
        clock = stored.clock(deadlines: deadlines, now: now).map {
            ClockReport(state: $0.state.rawValue, secondsLeft: $0.secondsLeft)
        }
        holder = stored.holder.map { HolderReport(agent: $0.agent, until: TimeText.iso($0.expiresAt)) }
        caseNumber = stored.caseNumber.rawValue
        messages = stored.messages
        status = stored.status.code
        department = stored.status.department
        draftSaved = stored.draftSaved
        waitingSince = stored.waitingSince.map(TimeText.iso)
        latest = stored.latest.map {
            LatestReport(number: $0.number, text: $0.text, postedAt: TimeText.iso($0.postedAt))
        }
    }
}

/// JSON for reports: keys sorted so output is stable, slashes left alone.
enum ReportJSON {
    static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return JSONText.inert(String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self))
    }
}
