import Foundation
import InboxModel
import InboxStore

/// One queue line for a person at a terminal, every part of it made safe to print:
///
///     12 ! 1h05 twitter/mention  complaint? customer replied     @sanne_dekker 412  [alice] (3) het werkt…
///
/// The glyph is the reaction clock (`!` overdue, `~` due soon, blank on time), so it
/// reads without colour; a suggested kind ends in `?`, a confirmed one does not
/// (`SuggestionText`).
enum QueueLine {
    static func line(_ stored: StoredMention, deadlines: ReactionDeadlines, now: Date, width: Int?) -> String {
        let mention = stored.mention
        let glyph = TimeText.glyph(stored.clock(deadlines: deadlines, now: now)?.state)
        let kind = SuggestionText.short(stored, none: "-")
        let author = "@" + VisibleText.line(mention.author.handle) + " " + Influence.short(mention.author.followers)
        let parts = [
            pad(String(stored.number), 5, right: true), glyph, pad(TimeText.duration(max(0, Int(wholeSeconds: now.timeIntervalSince(stored.arrivedAt)))), 5),
            pad("\(mention.platform.rawValue)/\(mention.channel.rawValue)", 17), pad(kind, 11),
            pad(stored.status.label(draftSaved: stored.draftSaved), 20),
            pad(author, 20),
        ] + (stored.holder.map { ["[\(VisibleText.line($0.agent))]"] } ?? [])
        let head = parts.joined(separator: " ") + " "
        let text = (stored.messages > 1 ? "(\(stored.messages)) " : "") + VisibleText.line(stored.latestText)
        guard let width else { return head + text }
        let room = max(10, width - head.count)
        return head + (text.count > room ? String(text.prefix(room - 1)) + "…" : text)
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        guard text.count < width else { return text }
        let fill = String(repeating: " ", count: width - text.count)
        return right ? fill + text : text + fill
    }
}
