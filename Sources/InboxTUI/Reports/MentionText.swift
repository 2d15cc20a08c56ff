import Foundation
import InboxModel
import InboxStore

/// `show` for a person: the mention, the classifier's reasons, the flow and its history,
/// with all outside text made safe to print.
enum MentionText {
    static func lines(_ stored: StoredMention, flow: MentionFlow, history: [LoggedEvent], thread: [ThreadEntry],
                      inbox: any InboxDatabase, now: Date) -> String
    {
        let mention = stored.mention
        let safe = VisibleText.line
        let suggestion = ((try? inbox.currentClassifier()) ?? inbox.classifier)
            .suggest(for: mention)
        var out: [String] = []
        out.append("#\(stored.number)  \(stored.key)  \(mention.platform.displayName) \(mention.channel.rawValue)")
        out.append("From:      \(safe(mention.author.name)) @\(safe(mention.author.handle)), "
            + "\(Influence.short(mention.author.followers)) followers\(mention.author.verified ? ", verified" : "")")
        out.append("Posted:    \(TimeText.iso(mention.postedAt))   arrived \(TimeText.iso(stored.arrivedAt))")
        if let thread = mention.conversationID { out.append("Thread:    \(safe(thread))") }
        if let parent = mention.inReplyToID { out.append("Replies to: \(safe(parent))") }
        if let language = mention.language { out.append("Language:  \(safe(language))") }
        if let link = mention.link { out.append("Link:      \(safe(link))") }
        let reasons = SuggestionText.reasons(suggestion)
        out.append("Suggested: \(SuggestionText.long(stored))\(reasons.isEmpty ? "" : " (\(reasons))")")
        out.append("Confirmed: \(stored.confirmedKind?.rawValue ?? "not yet")")
        if let clock = stored.clock(deadlines: inbox.deadlines, now: now) {
            let left = clock.secondsLeft >= 0 ? "\(TimeText.duration(clock.secondsLeft)) left"
                : "\(TimeText.duration(clock.secondsLeft)) over"
            out.append("Clock:     \(clock.state.rawValue), \(left)")
        } else if !flow.isClosed {
            out.append("Clock:     stopped, \(flow.isWaitingForCustomer ? "waiting for the customer" : "nobody waits on us")")
        }
        if let responses = ResponseTimes.summary(flow.clock) { out.append("Responses: " + responses) }
        out.append("Step:      \(stored.stepLabel)\(stored.outcome.map { " (\($0))" } ?? "")")
        out.append("Case:      \(stored.messages) message\(stored.messages == 1 ? "" : "s") from the customer, "
            + safe(stored.status.label(draftSaved: stored.draftSaved)))
        if let holder = stored.holder { out.append("Held by:   \(safe(holder.agent)) until \(TimeText.iso(holder.expiresAt))") }
        out.append("Next:      \(flow.guidance(at: now))")
        out.append("")
        out.append(contentsOf: VisibleText.lines(mention.text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { "    " + $0 })
        if thread.count > 1 {
            out.append("")
            out.append("Thread:")
            out += thread.map(threadLine)
        }
        if !history.isEmpty {
            out.append("")
            out.append("History:")
            for entry in history {
                let detail = entry.event.detail.map { " " + safe($0) } ?? ""
                out.append("  \(entry.seq). \(TimeText.iso(entry.at)) \(safe(entry.agent)): \(entry.event.name)\(detail)")
            }
        }
        return out.joined(separator: "\n")
    }

    /// One entry of the thread: `>` marks the customer's messages, `<` our replies, and
    /// others in the conversation are indented without a mark.
    static func threadLine(_ entry: ThreadEntry) -> String {
        let safe = VisibleText.line
        switch entry {
        case .message(let message, let inCase):
            return "  \(inCase ? ">" : " ") #\(message.number) \(TimeText.iso(message.arrivedAt)) "
                + "@\(safe(message.mention.author.handle)): \(safe(message.mention.text))"
        case .reply(let reply):
            let posted = reply.deliveredAt == nil ? "not yet posted"
                : "posted" + (reply.postedID.map { " as \(safe($0))" } ?? "")
            return "  < outbox \(reply.id) \(TimeText.iso(reply.createdAt)) \(safe(reply.agent)) (\(posted)): "
                + safe(reply.text ?? "")
        }
    }
}
