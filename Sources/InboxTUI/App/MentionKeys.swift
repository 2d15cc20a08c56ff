import Foundation
import InboxModel
import InboxStore

/// The open mention's actions: scrolling its view and every step of its flow. The flow
/// is asked first which steps it takes now, so menus offer only what will be accepted;
/// the store asks it again when the event is written.
extension AppState {
    mutating func mentionAction(_ action: Action) -> [AppEffect] {
        guard let screen = mention else { return [] }
        guard let detail = screen.detail else { return action == .back ? closeMention() : [] }
        let target = [MentionRef(number: screen.number, seenSeq: detail.stored.lastSeq)]
        switch action {
        case .moveDown: mention?.scroll += 1
        case .moveUp: mention?.scroll = max(0, screen.scroll - 1)
        case .pageDown: mention?.scroll += max(1, height - 4)
        case .pageUp: mention?.scroll = max(0, screen.scroll - max(1, height - 4))
        case .first: mention?.scroll = 0
        case .last: mention?.scroll = Int.max / 2
        case .back: return closeMention()
        case .classify: overlay = .menu(Self.classifyMenu(target, suggested: detail.stored.suggestedKind))
        case .dismiss: overlay = .menu(Self.dismissMenu(target))
        case .reply: return openComposer(detail, inEditor: false)
        case .replyInEditor: return openComposer(detail, inEditor: true)
        case .positions:
            positions = PositionsScreen(target: target[0])
            return [.loadPositions]
        case .step:
            let menu = stepMenu(detail, targets: target)
            if menu.items.isEmpty {
                complain("no step to take now: \(detail.flow.guidance(at: now))")
            } else {
                overlay = .menu(menu)
            }
        case .handOff: overlay = .menu(Self.handOffMenu(target, departments: settings.departments))
        case .departmentAnswered:
            guard let department = detail.flow.pendingHandOff else {
                complain("nothing is waiting on a department")
                return []
            }
            overlay = .prompt(Prompt(purpose: .departmentAnswer(department: department), targets: target))
        case .note: overlay = .prompt(Prompt(purpose: .note, targets: target))
        case .open, .search, .searchNext, .searchPrevious, .limit, .tag, .tagAct:
            complain("\(action.rawValue) works in the queue")
        case .newPosition, .revisePosition:
            complain("\(action.rawValue) works in the team positions (p)")
        case .report, .switchPeriod, .alerts:
            complain("\(action.rawValue) works from the queue")
        case .quit, .redraw, .help, .messages:
            break  // The app answers these on every screen before asking the case.
        }
        return []
    }

    private mutating func closeMention() -> [AppEffect] {
        guard let screen = mention else { return [] }
        mention = nil
        return [.release(screen.number)] + reloadAll()
    }

    /// The composer opens on the agent's saved draft, else on the template of the reply
    /// the step asks for, with the author's name, the agent and the team position filled in.
    private mutating func openComposer(_ detail: MentionDetail, inEditor: Bool) -> [AppEffect] {
        let expectation = detail.flow.expectedReply
        let channel = expectation?.channel ?? detail.stored.mention.homeChannel
        // A draft belongs to the step it was written at: written for this one (or saved
        // before drafts said so), it opens where the agent left off, with blanks that can be
        // filled now filled; written at an earlier step (or before the position or a
        // department's answer changed), this step's template opens and the draft is one
        // key away.
        let occasion = detail.flow.replyOccasion
        let current = detail.draft.flatMap { $0.writtenFor == nil || $0.writtenFor == occasion ? $0.text : nil }
        let earlier = current == nil ? detail.draft?.text : nil
        let text = current.map { ReplyTemplate($0).expanded(with: templateValues(detail)) }
            ?? expectation.map { template(for: $0.purpose, detail: detail) } ?? ""
        let editor = current == nil ? LineEditor(beforeSignature: text) : LineEditor(text)
        let style = replyStyle(detail)
        mention?.composer = Composer(editor: editor, expectation: expectation, channel: channel,
                                     rules: channel.rules(twitterRules: settings.rules.twitterRules),
                                     seenSeq: detail.stored.lastSeq, writtenFor: occasion, earlierDraft: earlier,
                                     style: style)
        if earlier != nil { say("this step's template; your draft from an earlier step is one key away: ^R") }
        if expectation == nil { say("this step asks for no reply: \(detail.flow.guidance(at: now))") }
        return inEditor || channel == .email ? [.editExternally(text)] : []
    }

    private func template(for purpose: ReplyPurpose, detail: MentionDetail) -> String {
        template(for: purpose, style: replyStyle(detail), detail: detail)
    }

    func template(for purpose: ReplyPurpose, style: ReplyStyle, detail: MentionDetail) -> String {
        DefaultTemplates.template(for: purpose, style: style).expanded(with: templateValues(detail))
    }

    /// The style a reply to this case starts in: the house style, English for an English mention.
    func replyStyle(_ detail: MentionDetail) -> ReplyStyle {
        ReplyStyle.forMention(language: detail.stored.mention.language, house: settings.style)
    }

    /// What the case knows to fill a template's blanks with.
    private func templateValues(_ detail: MentionDetail) -> TemplateValues {
        return TemplateValues(name: detail.stored.mention.author.greetingName, agent: settings.signature ?? agent, position: detail.flow.teamPosition?.forReplies,
                              solution: detail.flow.solution, answer: detail.flow.departmentAnswers.last?.answer)
    }

    /// The steps the flow accepts now (`MentionFlow.nextSteps`), numbered 1, 2, 3…
    func stepMenu(_ detail: MentionDetail, targets: [MentionRef]) -> Menu {
        let keys = Array("123456789abcdefghijk")
        return Menu(title: "Next step:", items: detail.flow.nextSteps(at: now).prefix(keys.count).enumerated().map {
            index, step in
            let choice: Menu.Choice = switch step.action {
            case .event(let event): .event(event)
            case .asks(.solution): .ask(.solution)
            case .asks(.consideration): .ask(.consideration)
            case .asks(.goOnReason): .ask(.goOnReason)
            }
            return .init(key: keys[index], label: step.label, choice: choice)
        }, targets: targets)
    }
}

extension MentionFlow {
    /// The team position the allegation flow holds, if any.
    var teamPosition: TeamPosition? {
        guard let running = runningKindFlow, case .allegation(let allegation) = running else { return nil }
        return allegation.position
    }

    /// What the complaint's investigation found, if recorded.
    var solution: String? {
        guard let running = runningKindFlow, case .complaint(let complaint) = running,
              case .solution(let solution) = complaint.state else { return nil }
        return solution
    }

    /// The machine running now, or the one a closed flow would resume.
    var runningKindFlow: KindFlow? {
        switch phase {
        case .triage: nil
        case .running(let flow): flow
        case .closed(_, let resume): resume
        }
    }
}
