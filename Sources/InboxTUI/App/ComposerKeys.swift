import InboxModel

/// The composer's keys: everything edits the text except Enter (send, after one
/// confirmation), Esc (back to the mention; the draft is kept), ^T (the template in the
/// next style: nl-je, nl-u, en), ^R (a draft written at an earlier step, or the text
/// before ^T) and ^X (continue in $EDITOR, as ^X^E in bash). ^E only moves to the end,
/// as in every shell: an agent pressing it twice must not land in an editor.
extension AppState {
    mutating func composerKey(_ key: Key) -> [AppEffect] {
        guard let screen = mention, var composer = screen.composer else { return [] }
        switch key {
        case .enter:
            let length = composer.length
            if let problem = length.problem {
                complain("cannot send: \(problem)")
                return []
            }
            let reply = Reply(text: composer.editor.text, channel: composer.channel,
                              moves: composer.expectation?.moves ?? [])
            let figure = length.limit.map { " (\(length.weightedLength)/\($0))" } ?? ""
            overlay = .confirm(Confirm(
                question: "Send this reply on \(composer.channel.displayName)\(figure)? (y/n)",
                effect: .append(.send(reply), to: [MentionRef(number: screen.number, seenSeq: composer.seenSeq)])))
            return []
        case .escape:
            mention?.composer = nil
            say("reply kept as a draft")
            return [.saveDraft(composer.editor.text, for: screen.number, writtenFor: composer.writtenFor)]
        case .control("X"):
            return [.editExternally(composer.editor.text)]
        case .control("L"):
            return [.redraw]
        case .control("T"):
            // The step's template in the next style (nl-je, nl-u, en); what was there is
            // one ^R away.
            guard let purpose = composer.expectation?.purpose, let detail = screen.detail else {
                complain("this step asks for no reply, so there is no template to switch")
                return []
            }
            let styles = ReplyStyle.allCases
            composer.style = styles[((styles.firstIndex(of: composer.style) ?? 0) + 1) % styles.count]
            composer.earlierDraft = composer.editor.text
            composer.editor = LineEditor(beforeSignature: template(for: purpose, style: composer.style, detail: detail))
            composer.unsaved = true
            mention?.composer = composer
            say("\(composer.style.rawValue) template; ^R: the text you had")
            return []
        case .control("R") where composer.earlierDraft != nil:
            // The draft from an earlier step and this step's template trade places.
            let shown = composer.editor.text
            composer.editor = LineEditor(composer.earlierDraft ?? "")
            composer.earlierDraft = shown
            composer.unsaved = true
            mention?.composer = composer
            say("^R again: back to the other text")
            return []
        default:
            if composer.editor.handle(key) {
                composer.unsaved = true
                mention?.composer = composer
                if message?.staysWhileTyping != true { message = nil }
            }
            return []
        }
    }
}
