import Foundation
import InboxModel
import InboxStore

/// The queue: a header of counts, the column names, then one line per case in queue order:
///
///     * ! +12m  3h05 complaint? customer replied tw @  @sanne_dekker 412 [bob] (3) het werkt…
///
/// tag, reaction glyph (`!` overdue, `~` due soon; colour adds to it, never replaces
/// it), time left (+ when over), age since the case opened, kind (a suggested kind ends
/// in `?`), whose turn it is (`CaseStatus`), platform and channel, author and influence,
/// holder, and the customer's latest message (with the number of their messages when
/// there is more than one).
enum QueueView {
    /// The row the first queue line is drawn on, under the counts and the column names.
    static let firstRow = 2

    static func draw(_ state: AppState, into screen: inout Screen) {
        header(state, into: &screen)
        if state.queue.summary.alerts.isEmpty {
            columnNames(width: screen.width, into: &screen)
        } else {
            alerts(state, into: &screen)
        }
        let queue = state.queue
        for line in 0..<state.queueRows {
            let position = queue.top + line
            guard position < max(queue.summary.shown, queue.rowsStart + queue.rows.count) else { break }
            let row = firstRow + line
            if let stored = queue.row(at: position) {
                self.row(stored, state: state, row: row, into: &screen)
            } else {
                screen.put("  …", row: row, column: 0, role: .dim)
            }
            if position == queue.cursor { screen.fill(row: row, role: .selected) }
        }
        if queue.summary.shown == 0 && queue.rows.isEmpty {
            let text = queue.filter.description.isEmpty
                ? "No open cases. New mentions appear here as they arrive."
                : "Nothing matches \(queue.filter). l changes the limit."
            screen.put(text, row: firstRow + 1, column: 2, role: .dim)
        }
    }

    private static func header(_ state: AppState, into screen: inout Screen) {
        let summary = state.queue.summary
        let overdue = summary.overdue > 0 ? "  ! overdue \(summary.overdue)" : ""
        // Most urgent first, then "other": spam, chatter needing no reply, and whatever has
        // no kind (`SuggestionText`). The kinds shrink (allegation, alle, a) until the counts and
        // the overdue figure fit: the overdue count is the one figure never dropped. Full
        // names only on a wide screen, so the header does not change shape when the
        // first mention goes overdue.
        let counts = (screen.width >= 110 ? [nil, 4, 1] : [4, 1]).lazy.map { letters in
            (MentionKind.allCases.sorted().map { kind in
                "\(letters.map { String(kind.rawValue.prefix($0)) } ?? kind.rawValue) \(summary.perKind[kind] ?? 0)"
            } + ["\(letters == 1 ? "?" : "other") \(summary.unclassified)"]).joined(separator: letters == 1 ? " " : " · ")
        }
        let room = screen.width - 10 - overdue.count
        let shown = counts.first { DisplayWidth.of($0) <= room } ?? counts.last ?? ""
        screen.put(String(repeating: " ", count: screen.width), row: 0, column: 0, role: .title)
        var x = screen.put(" webcare  ", row: 0, column: 0, role: .title)
        x = screen.put(shown, row: 0, column: x, role: .title, limit: max(0, room))
        if !overdue.isEmpty {
            screen.put(overdue, row: 0, column: x, role: .overdue)
        }
    }

    /// Below this width the status and age columns give way to the text: at 60 columns
    /// the agent still reads what the customer says.
    static let fullRowWidth = 80

    /// Width of the status column: "customer replied" whole on a wide screen.
    static func statusWidth(_ width: Int) -> Int { width >= 100 ? 16 : 12 }

    /// The case's status in `width` columns: "waiting for customer" is "waiting" here,
    /// where "customer replied" stands beside it; a department whose "with" does not fit
    /// is named alone (in that column a department can only mean the case is with it).
    static func statusText(_ stored: StoredMention, width: Int) -> String {
        switch stored.status {
        case .waitingForCustomer: "waiting"
        case .customerReplied where width < 16: "replied"
        case .withDepartment(let name) where DisplayWidth.of("with " + name) > width: name
        default: stored.status.label(draftSaved: stored.draftSaved)
        }
    }

    /// The names above the columns, aligned with `row`.
    /// The alerts, in place of the column names while there are any: A chooses one.
    static func alerts(_ state: AppState, into screen: inout Screen) {
        let minutes = state.settings.alerts.spreadingMinutes
        let text = state.queue.summary.alerts.map { $0.summary(minutes: minutes) }
            .joined(separator: state.settings.ascii ? " | " : " · ")
        screen.put(String(repeating: " ", count: screen.width), row: 1, column: 0, role: .warning)
        screen.put((state.settings.ascii ? " ! A: " : " ⚠ A: ") + text, row: 1, column: 0, role: .warning,
                   limit: screen.width)
    }

    static func columnNames(width: Int, into screen: inout Screen) {
        let full = width >= fullRowWidth
        var names = "   " + pad("left", 5)
        if full { names += " " + pad("age", 5) }
        names += " " + pad("kind", 11)
        if full { names += " " + pad("status", statusWidth(width)) }
        names += " " + pad("where", 5) + " who, and what they said last"
        screen.put(names, row: 1, column: 0, role: .dim)
    }

    static func row(_ stored: StoredMention, state: AppState, row: Int, into screen: inout Screen) {
        let mention = stored.mention
        let clock = stored.phase == .closed ? nil : stored.clock(deadlines: state.settings.deadlines, now: state.now)
        let tagged = state.queue.tagged[stored.number] != nil
        // An untagged row's blank stays plain: an attribute on a blank costs bytes on every redraw.
        var x = screen.put(tagged ? "*" : " ", row: row, column: 0, role: tagged ? .tagged : .normal)
        let (glyph, role) = Self.glyph(clock?.state)
        x = screen.put(" \(glyph) ", row: row, column: x, role: role)
        let left = clock.map { ($0.secondsLeft < 0 ? "+" : "") + TimeText.duration($0.secondsLeft) } ?? "-"
        x = screen.put(pad(left, 5), row: row, column: x, role: role)
        let full = screen.width >= fullRowWidth
        if full {
            x = screen.put(" " + pad(TimeText.duration(Int(wholeSeconds: state.now.timeIntervalSince(stored.arrivedAt))), 5), row: row,
                           column: x)
        }
        let kind = SuggestionText.short(stored)
        x = screen.put(" " + pad(kind, 11), row: row, column: x, role: stored.confirmedKind == nil ? .suggested : .confirmed)
        // Status and channel sit side by side in one colour: each colour change costs
        // bytes on every j/k step.
        if full {
            let width = statusWidth(screen.width)
            x = screen.put(" " + pad(statusText(stored, width: width), width), row: row,
                           column: x, role: .dim)
        }
        x = screen.put(" " + pad(shortChannel(mention), 5), row: row, column: x, role: .dim)
        let author = mention.author.label(on: mention.platform)
        x = screen.put(" ", row: row, column: x)
        x = screen.put(author, row: row, column: x, limit: full ? 16 : 12)
        // Influence reads with the handle, in its colour: one colour change fewer per row.
        x = screen.put(" " + Influence.short(mention.author.followers), row: row, column: x)
        if let holder = stored.holder {
            x = screen.put(" [\(holder.agent == state.agent ? "you" : holder.agent)]", row: row, column: x, role: .warning)
        }
        screen.put(" " + (stored.messages > 1 ? "(\(stored.messages)) " : "") + stored.latestText, row: row, column: x)
    }

    /// The clock's mark (`TimeText.glyph`) and the colour it is drawn in.
    static func glyph(_ state: ReactionClock.State?) -> (String, Role) {
        let role: Role = switch state {
        case .overdue?: .overdue
        case .dueSoon?: .dueSoon
        case .onTime?, nil: .onTime
        }
        return (TimeText.glyph(state), role)
    }

    /// tw @, tw dm, fb cm, ig #: platform and channel in five columns.
    static func shortChannel(_ mention: Mention) -> String {
        let platform = switch mention.platform {
        case .twitter: "tw"
        case .facebook: "fb"
        case .linkedin: "li"
        case .instagram: "ig"
        }
        let channel = switch mention.channel {
        case .publicMention: "@"
        case .directMessage: "dm"
        case .hashtag: "#"
        case .comment: "cm"
        }
        return "\(platform) \(channel)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        if w >= width { return String(text.prefix(width)) }
        return text + String(repeating: " ", count: width - w)
    }
}
