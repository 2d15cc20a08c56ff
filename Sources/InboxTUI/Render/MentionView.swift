import Foundation
import InboxModel
import InboxStore

/// The open mention: who wrote it and what, the flow with each step done, current or
/// locked (the count-to-ten ticking), the team position, notes, the thread, earlier
/// mentions by the same author, and the history. The composer takes the lower part
/// of the screen when open.
enum MentionView {
    /// A line of the view: pieces of text, each in its role.
    typealias Line = [(text: String, role: Role)]

    static func draw(_ screen: MentionScreen, state: AppState, into out: inout Screen) {
        out.put(String(repeating: " ", count: out.width), row: 0, column: 0, role: .title)
        guard let detail = screen.detail else {
            out.put(" #\(screen.number) loading…", row: 0, column: 0, role: .title)
            return
        }
        out.put(" " + title(detail, state: state), row: 0, column: 0, role: .title)
        let contentRows = state.height - 3
        var composerRows = 0
        if let composer = screen.composer {
            composerRows = ComposerView.draw(composer, state: state, bottom: state.height - 2,
                                             maxRows: max(6, contentRows / 2), into: &out)
        }
        let lines = body(detail, state: state, width: out.width - 2)
        let visible = contentRows - composerRows
        let first = min(screen.scroll, max(0, lines.count - visible))
        for (index, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            var x = 1
            for piece in line { x = out.put(piece.text, row: 1 + index, column: x, role: piece.role) }
        }
    }

    static func title(_ detail: MentionDetail, state: AppState) -> String {
        let stored = detail.stored
        let kind = stored.confirmedKind.map(\.rawValue) ?? "suggested " + SuggestionText.long(stored)
        let holder = stored.holder.map { $0.agent == state.agent ? "yours" : "held by \($0.agent)" } ?? "free"
        return "#\(stored.number) \(stored.mention.platform.displayName) \(stored.mention.channel.rawValue) · \(kind) · "
            + "\(stored.stepLabel) · \(holder)"
    }

    static func body(_ detail: MentionDetail, state: AppState, width: Int) -> [Line] {
        let stored = detail.stored
        let mention = stored.mention
        let author = mention.author
        var lines: [Line] = []
        lines.append([("\(author.name) ", .confirmed), ("@\(author.handle)", .normal),
                      (" · \(Influence.short(author.followers)) followers\(author.verified ? " · verified" : "")", .dim)])
        var when: Line = [("posted \(TimeText.iso(mention.postedAt)) · arrived \(TimeText.duration(Int(wholeSeconds: state.now.timeIntervalSince(stored.arrivedAt)))) ago", .dim)]
        if let clock = stored.clock(deadlines: state.settings.deadlines, now: state.now) {
            let (glyph, role) = QueueView.glyph(clock.state)
            when.append((" · \(glyph) ", role))
            when.append((clock.secondsLeft < 0 ? "overdue by \(TimeText.duration(clock.secondsLeft))"
                         : "\(TimeText.duration(clock.secondsLeft)) left to react", role))
        } else if !detail.flow.isClosed {
            when.append((" · \(detail.flow.isWaitingForCustomer ? "waiting for the customer" : "nobody waits on us")", .dim))
        }
        lines.append(when)
        if let responses = ResponseTimes.summary(detail.flow.clock) { lines.append([(responses, .dim)]) }
        lines.append([])
        lines += TextWrap.lines(mention.text, width: width).map { [($0, .normal)] }
        // The title says what is suggested; this line says why.
        if let suggestion = detail.suggestion {
            let reasons = SuggestionText.reasons(suggestion)
            lines += TextWrap.lines("why: " + (reasons.isEmpty ? "no word in it points to a kind" : reasons),
                                    width: width).map { [($0, .dim)] }
        }
        lines.append([])
        lines += flowLines(detail, state: state, width: width)
        if !detail.flow.notes.isEmpty {
            lines.append([("Notes", .header)])
            for note in detail.flow.notes {
                lines += TextWrap.lines("\(Render.clockTime(note.at, in: state.settings.timeZone)) \(note.text)", width: width - 2).map { [("  " + $0, .normal)] }
            }
        }
        if detail.thread.count > 1 {
            lines.append([("Thread", .header)])
            lines += detail.thread.map { threadLine($0, state: state) }
        }
        if !detail.earlier.isEmpty {
            lines.append([("Earlier by @\(author.handle)", .header)])
            for other in detail.earlier {
                let kind = SuggestionText.short(other)
                lines.append([("  #\(other.number) \(kind) \(other.stepLabel): ", .dim), (other.mention.text, .normal)])
            }
        }
        lines.append([("History", .header)])
        if detail.history.isEmpty { lines.append([("  nothing done yet", .dim)]) }
        for entry in detail.history {
            lines.append([("  \(Render.clockTime(entry.at, in: state.settings.timeZone)) \(entry.agent) ", .dim), (entry.event.name, .normal),
                          (entry.event.detail.map { ": " + $0 } ?? "", .dim)])
        }
        return lines
    }

    /// One entry of the thread: the customer's messages plain, others in the conversation
    /// dimmed, our replies marked with who sent them and whether they are posted yet.
    static func threadLine(_ entry: ThreadEntry, state: AppState) -> Line {
        let zone = state.settings.timeZone
        switch entry {
        case .message(let message, let inCase):
            let time = Render.clockTime(message.arrivedAt, in: zone)
            let marker = inCase ? (state.settings.ascii ? ">" : "▸") : " "
            return [("\(marker) \(time) #\(message.number) \(message.mention.author.label(on: message.mention.platform)): ", .dim),
                    (message.mention.text, inCase ? .normal : .dim)]
        case .reply(let reply):
            let arrow = state.settings.ascii ? "<" : "↳"
            let posted = reply.deliveredAt == nil ? "not yet posted" : "posted"
            return [("\(arrow) \(Render.clockTime(reply.createdAt, in: zone)) \(reply.agent) (\(posted)): ", .dim),
                    (reply.text ?? "", .confirmed)]
        }
    }

    private static func flowLines(_ detail: MentionDetail, state: AppState, width: Int) -> [Line] {
        let flow = detail.flow
        var lines: [Line] = []
        let heading = flow.kind.map { "Flow: \($0.rawValue) (\($0.dutchName))" } ?? "Flow: triage"
        lines.append([(heading, .header)])
        if let kind = flow.kind, !flow.isClosed {
            // Ticked: the steps this case went through; a branch not taken stays open.
            for step in FlowSteps.of(kind) {
                let (mark, role): (String, Role) = step == flow.step ? ("[>]", .current)
                    : detail.stepsReached.contains(step) ? ("[x]", .done) : ("[ ]", .locked)
                lines.append([("  \(mark) \(step.name)", role)])
            }
        }
        if let allegation = flow.allegation, !flow.isClosed {
            let left = allegation.secondsLeft(at: state.now)
            lines.append(left > 0 ? [("  count to ten: \(left) s left", .warning)] : [("  counted to ten", .done)])
            let position = allegation.position.map {
                "\($0.id) v\($0.version): \($0.statement)" + ($0.short.map { " (in replies: \($0))" } ?? "")
            } ?? "none yet (p chooses)"
            lines += TextWrap.lines("team position: \(position)", width: width - 2).map {
                [("  " + $0, allegation.position == nil ? .warning : .normal)]
            }
            // The escalation ladder guides every reply from the moment the severity is set.
            if let severity = allegation.severity {
                lines.append([("  severity \(severity.rawValue), the ladder:", .warning)])
                for step in severity.ladder {
                    lines += TextWrap.lines("\(step.rawValue). \(step.guidance)", width: width - 4).map { [("    " + $0, .normal)] }
                }
            }
        }
        if let pending = flow.pendingHandOff { lines.append([("  with \(pending), waiting for their answer", .warning)]) }
        lines += TextWrap.lines("→ " + flow.guidance(at: state.now), width: width).map { [($0, .current)] }
        lines.append([])
        return lines
    }
}

/// The steps of each kind's flow in the order they are reached, from `FlowGraph`
/// (which runs the real machine), computed once.
enum FlowSteps {
    private static let table: [MentionKind: [FlowStep]] = Dictionary(uniqueKeysWithValues: MentionKind.allCases.map {
        ($0, FlowGraph(kind: $0).states.filter { $0 != .closed })
    })

    static func of(_ kind: MentionKind) -> [FlowStep] { table[kind] ?? [] }
}

extension MentionFlow {
    /// The allegation machine, when that is what runs.
    var allegation: AllegationFlow? {
        if case .allegation(let flow)? = runningKindFlow { flow } else { nil }
    }
}
