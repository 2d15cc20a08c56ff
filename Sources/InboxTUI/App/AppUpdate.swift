import Foundation
import InboxModel
import InboxStore

/// The app core: one event in, the new state and the effects out. Keys go to the
/// overlay first (menu, prompt, confirmation, help), then the composer, then the keymap
/// of the screen the agent is on.
extension AppState {
    /// What the session asks for before the first screen: the first page, then the counts
    /// (counting a text filter's matches can take longer than finding the first screen).
    mutating func start() -> [AppEffect] {
        queue.counting = true
        return requestPage(force: true) + [.loadSummary(queue.filter)]
    }

    mutating func update(_ event: AppEvent) -> [AppEffect] {
        switch event {
        case .key(let key):
            lastKey = now
            return handle(key)
        case .resize(let newWidth, let newHeight):
            width = newWidth
            height = newHeight
            return moveCursor(to: queue.cursor)
        case .tick(let date):
            return tick(date)
        case .databaseChanged:
            return reloadAll()
        case .queueLoaded(let page):
            return pageLoaded(page)
        case .summaryLoaded(let summary):
            queue.summary = summary
            queue.counting = false
            return moveCursor(to: queue.cursor)
        case .mentionLoaded(let detail):
            mentionLoaded(detail)
            return []
        case .reportLoaded(let today, let week):
            report?.today = today
            report?.week = week
            report?.readAt = now
            return []
        case .positionsLoaded(let list):
            guard var screen = positions else { return [] }
            screen.positions = list
            screen.cursor = min(screen.cursor, max(0, list.count - 1))
            positions = screen
            return []
        case .searchFound(let position, let wrapped):
            guard let position else {
                complain("not found: \(queue.lastSearch ?? "")")
                return []
            }
            if wrapped { say("search wrapped") } else { message = nil }
            return moveCursor(to: position)
        case .appended(let flowEvent, let count):
            return appended(flowEvent, count: count)
        case .positionSaved(let position):
            say("position \(position.id) saved as version \(position.version)")
            return positions != nil ? [.loadPositions] : []
        case .failed(let reason):
            complain(reason)
            return []
        case .notice(let text):
            notify(text)
            return []
        case .heldByAnother(let holder, let event, let target):
            overlay = .confirm(Confirm(question: "\(holder) is working on this case. Take it over and send? (y/n)",
                                       effect: .takeOverAndAppend(event, to: target)))
            return []
        case .edited(let text):
            guard let text else {
                say("the editor was closed without saving; the reply is as it was")
                return []
            }
            mention?.composer?.editor.replace(with: text)
            mention?.composer?.unsaved = true
            return []
        }
    }

    private mutating func tick(_ date: Date) -> [AppEffect] {
        now = date
        var effects: [AppEffect] = []
        if let mention, let composer = mention.composer, composer.unsaved {
            self.mention?.composer?.unsaved = false
            effects.append(.saveDraft(composer.editor.text, for: mention.number, writtenFor: composer.writtenFor))
        }
        // The claim is renewed while the agent is at the keyboard; a frozen connection
        // (an ssh client stopped, a laptop closed) stops renewing it, so it lapses.
        if let mention, date.timeIntervalSince(mention.claimedAt) >= Inbox.claimLease / 3,
           date.timeIntervalSince(lastKey) < Inbox.claimIdle {
            self.mention?.claimedAt = date
            effects.append(.loadMention(mention.number, claim: true))
        }
        // A claim shown on screen that has lapsed goes from the screen at once, not
        // when someone next writes; and as time passes mentions go overdue, which moves
        // them up the queue and into the header's count.
        if shownClaimLapsed(at: date) || date.timeIntervalSince(lastReload) >= Self.reloadInterval {
            // A renewal above already reads the open mention again.
            let renewing = !effects.isEmpty
            return effects + reloadAll().filter { !(renewing && $0 == .loadMention(mention?.number ?? -1, claim: false)) }
        }
        return effects
    }

    /// How often the screen is read again while nothing changes in the database: clocks
    /// move mentions into overdue by the minute.
    static let reloadInterval: TimeInterval = 30

    /// Whether a claim this screen shows (in the queue or on the open mention) has run out.
    private func shownClaimLapsed(at date: Date) -> Bool {
        let holders = queue.rows.compactMap(\.holder) + [mention?.detail?.stored.holder].compactMap { $0 }
        return holders.contains { $0.expiresAt <= date }
    }

    /// Everything on screen read again after someone else's change; the cursor stays on
    /// the mention it was on and the composer is left alone.
    /// Shows the queue as `words` limit it (what `l` takes), from its top.
    mutating func limitQueue(to words: String) -> [AppEffect] {
        do {
            let filter = try QueueFilter(parsing: words)
            var summary = queue.summary
            summary.shown = 0
            queue = QueueState(filter: filter, summary: summary, tagged: queue.tagged, lastSearch: queue.lastSearch)
            say(filter.description.isEmpty ? "showing the open queue" : "limited to: \(filter)")
            return start()
        } catch {
            complain(error.description)
            return []
        }
    }

    mutating func reloadAll() -> [AppEffect] {
        lastReload = now
        var effects: [AppEffect] = [.loadSummary(queue.filter)]
        let request = QueueRequest(filter: queue.filter, offset: queue.rowsStart,
                                   limit: max(queue.rows.count, 3 * queueRows), anchor: queue.selected?.number)
        queue.pending = request
        effects.append(.loadQueue(request))
        if let mention { effects.append(.loadMention(mention.number, claim: false)) }
        if positions != nil { effects.append(.loadPositions) }
        return effects
    }

    private mutating func mentionLoaded(_ detail: MentionDetail) {
        guard mention?.number == detail.stored.number else { return }
        let before = mention?.detail
        mention?.detail = detail
        guard let holder = detail.stored.holder, holder.agent != agent else { return }
        if before == nil {
            complain("\(holder.agent) is working on this mention")
        } else if before?.stored.holder?.agent != holder.agent {
            complain("\(holder.agent) took this mention over")
        }
    }

    private mutating func appended(_ event: FlowEvent, count: Int) -> [AppEffect] {
        let what: String = switch event {
        case .send: "sent; it is in the outbox"
        case .classify(let kind): "classified as \(kind.rawValue)"
        case .dismiss(let reason, _): "closed without reply: \(reason.summary)"
        case .setPosition(let position): "team position \(position.id) v\(position.version) set"
        default: "\(event.name) recorded"
        }
        say(count > 1 ? "\(what) (\(count) mentions)" : what)
        if case .send = event { mention?.composer = nil }
        if case .setPosition = event { positions = nil }
        if count > 1 || !queue.tagged.isEmpty { queue.tagged = [:] }
        return reloadAll()
    }

    // MARK: Keys

    private mutating func handle(_ key: Key) -> [AppEffect] {
        // The agent cannot see what a key would do behind the "too small" screen: it
        // promises that q quits (the draft saved) and nothing else happens.
        if isTooSmall {
            switch settings.keymap.action(for: key, in: .generic) {
            case .back?, .quit?: return quit()
            case .redraw?: return [.redraw]
            default: return []
            }
        }
        if case .alt(let c) = key, !takes(alt: key) {
            // A terminal sends Alt-x as Esc and x: where nothing takes Alt-x, that is
            // what the agent typed (Esc closing the composer, then x in the case view).
            return handle(.escape) + handle(.character(c))
        }
        if let overlay { return handle(key, in: overlay) }
        if mention?.composer != nil { return composerKey(key) }
        guard let action = settings.keymap.action(for: key, in: keyContext) else {
            if key != .escape { complain("\(key.name) does nothing here; ? shows the keys") }
            return []
        }
        message = nil
        switch action {
        case .help:
            overlay = .help(scroll: 0)
            return []
        case .messages:
            overlay = .messages(scroll: 0)
            return []
        case .redraw:
            return [.redraw]
        case .quit:
            return quit()
        default:
            if report != nil { return reportAction(action) }
            if positions != nil { return positionsAction(action) }
            if mention != nil { return mentionAction(action) }
            return queueAction(action)
        }
    }

    /// Whether an Alt key means something where the agent is: an editing key in the
    /// composer or a prompt, or one the keymap binds.
    private func takes(alt key: Key) -> Bool {
        guard case .alt(let c) = key else { return false }
        switch overlay {
        case .prompt?: return LineEditor.takes(alt: c)
        case .help?, .messages?, .menu?, .confirm?: return false
        case nil:
            if mention?.composer != nil { return LineEditor.takes(alt: c) }
            return settings.keymap.action(for: key, in: keyContext) != nil
        }
    }

    /// Sets `quitting` (the session stops after these effects) and saves and lets go first.
    mutating func quit() -> [AppEffect] {
        quitting = true
        var effects: [AppEffect] = []
        if let mention {
            if let composer = mention.composer {
                effects.append(.saveDraft(composer.editor.text, for: mention.number, writtenFor: composer.writtenFor))
            }
            effects.append(.release(mention.number))
        }
        return effects
    }

    private mutating func handle(_ key: Key, in overlay: Overlay) -> [AppEffect] {
        switch overlay {
        case .help(let scroll), .messages(let scroll):
            let page: (Int) -> Overlay = if case .help = overlay { Overlay.help } else { Overlay.messages }
            switch settings.keymap.action(for: key, in: keyContext) {
            case .moveDown?: self.overlay = page(scroll + 1)
            case .moveUp?: self.overlay = page(max(0, scroll - 1))
            case .pageDown?: self.overlay = page(scroll + max(1, height - 4))
            case .pageUp?: self.overlay = page(max(0, scroll - max(1, height - 4)))
            case .redraw?: return [.redraw]
            default: self.overlay = nil
            }
            return []
        case .menu(let menu):
            self.overlay = nil
            let chosen: Menu.Item? = if key == .enter { menu.onEnter } else if case .character(let c) = key {
                menu.items.first { $0.key == c }
            } else { nil }
            guard let item = chosen else {
                if key != .escape && key != .control("G") { complain("no such choice; nothing done") }
                return []
            }
            switch item.choice {
            case .event(let event): return [.append(event, to: menu.targets)]
            case .ask(let purpose):
                self.overlay = .prompt(Prompt(purpose: purpose, targets: menu.targets))
                return []
            case .menu(let next):
                self.overlay = .menu(next)
                return []
            case .limit(let words):
                return limitQueue(to: words)
            }
        case .prompt(var prompt):
            switch key {
            case .escape, .control("G"):
                self.overlay = nil
                return []
            case .enter:
                self.overlay = nil
                return submit(prompt)
            default:
                _ = prompt.editor.handle(key)
                self.overlay = .prompt(prompt)
                return []
            }
        case .confirm(let confirm):
            self.overlay = nil
            if key == .character("y") || key == .character("Y") { return [confirm.effect] }
            say(confirm.declined)
            return []
        }
    }

    private mutating func submit(_ prompt: Prompt) -> [AppEffect] {
        let text = prompt.editor.text
        let targets = prompt.targets
        switch prompt.purpose {
        case .search(let forward):
            guard !text.isEmpty else { return [] }
            queue.lastSearch = text
            return [.search(text, filter: queue.filter, from: queue.cursor, forward: forward)]
        case .limit:
            return limitQueue(to: text)
        case .note: return [.append(.note(text), to: targets)]
        case .handOff:
            guard !text.isBlank else { complain("a hand-off needs a department"); return [] }
            // A listed department in its listed spelling; a new name is asked about once,
            // since a typo would send the case where nobody looks.
            if let listed = settings.departments.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) {
                return [.append(.handOff(department: listed), to: targets)]
            }
            overlay = .confirm(Confirm(
                question: "'\(text)' is not one of the team's departments (\(settings.departments.joined(separator: ", "))). "
                    + "Hand off to it anyway? (y/n)",
                effect: .append(.handOff(department: text), to: targets), declined: "not handed off"))
            return []
        case .departmentAnswer(let department):
            return [.append(.departmentAnswered(department: department, answer: text), to: targets)]
        case .dismissNote: return [.append(.dismiss(.other, note: text), to: targets)]
        case .solution: return [.append(.investigated(solution: text), to: targets)]
        case .goOnReason: return [.append(.goOn(reason: text), to: targets)]
        case .consideration: return [.append(.thought(text), to: targets)]
        case .positionTopic:
            guard !text.isBlank else { complain("a position needs a topic"); return [] }
            overlay = .prompt(Prompt(purpose: .positionStatement(id: nil, topic: text, short: nil), targets: targets))
            return []
        case .positionStatement(let id, let topic, let short):
            guard !text.isBlank else { complain("a position needs a statement"); return [] }
            overlay = .prompt(Prompt(purpose: .positionShort(id: id, topic: topic, statement: text),
                                     editor: LineEditor(short ?? ""), targets: targets))
            return []
        case .positionShort(let id, let topic, let statement):
            return [.savePosition(id: id, topic: topic, statement: statement, short: text.isBlank ? nil : text)]
        }
    }
}
