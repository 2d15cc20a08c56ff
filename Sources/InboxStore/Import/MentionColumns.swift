import Foundation
import InboxModel
import PostgresNIO

/// Where a new mention's column values go, in `MentionWriter.columns` order: SQLite's
/// statement binder or PostgreSQL's bindings.
protocol MentionColumnSink {
    mutating func text(_ value: String?)
    mutating func integer(_ value: Int64?)
    mutating func real(_ value: Double)
    mutating func flag(_ value: Bool)
}

extension MentionWriter.Row {
    /// Its values for `MentionWriter.columns`, one engine's way: the one place that says
    /// which value goes in which column.
    func write<Sink: MentionColumnSink>(into sink: inout Sink) {
        writeMention(into: &sink)
        writeCase(into: &sink)
    }

    /// The columns that say what the mention is: all but the last three, known before
    /// its case is (PostgreSQL's import writes these while the server answers the lookups).
    func writeMention<Sink: MentionColumnSink>(into sink: inout Sink) {
        let kind = suggestion.kind?.rawValue
        // What needs no reply sorts and counts with what nobody classified (`Schema` v11).
        let queueKind = suggestion.needsReply ? kind : nil
        sink.text(mention.platform.rawValue)
        sink.text(mention.id)
        sink.text(mention.channel.rawValue)
        sink.text(mention.conversationID)
        sink.text(mention.inReplyToID)
        sink.text(mention.author.handle)
        sink.text(mention.author.name)
        sink.integer(Int64(mention.author.followers))
        sink.integer(Int64(QueueEntry.influence(followers: mention.author.followers)))
        sink.flag(mention.author.verified)
        sink.text(mention.text)
        sink.real(mention.postedAt.timeIntervalSince1970)
        sink.text(mention.language)
        sink.text(mention.link)
        sink.real(arrivedAt.timeIntervalSince1970)
        sink.text(kind)
        sink.flag(suggestion.looksLikeSpam)
        sink.text(queueKind)
        sink.real(clockFrom.timeIntervalSince1970)
        sink.real(clockFrom.timeIntervalSince1970)
        sink.flag(suggestion.needsReply)
        sink.integer(Int64(suggestion.confidence))
    }

    /// The last three columns: the case it joins, if any.
    func writeCase<Sink: MentionColumnSink>(into sink: inout Sink) {
        sink.integer(joins?.rawValue)
        sink.text(joins == nil ? CasePhase.triage.rawValue : CasePhase.joined.rawValue)
        sink.text(joins == nil ? FlowStep.triage.code : CasePhase.joined.rawValue)
    }
}

extension Binder: MentionColumnSink {
    mutating func text(_ value: String?) { bind(value) }
    mutating func integer(_ value: Int64?) { bind(value) }
    mutating func real(_ value: Double) { bind(value) }
    /// SQLite keeps booleans as 0 and 1.
    mutating func flag(_ value: Bool) { bind(value ? 1 : 0) }
}

extension PostgresBindings: MentionColumnSink {
    mutating func text(_ value: String?) { append(value) }
    mutating func integer(_ value: Int64?) { append(value) }
    mutating func real(_ value: Double) { append(value) }
    mutating func flag(_ value: Bool) { append(value) }
}
