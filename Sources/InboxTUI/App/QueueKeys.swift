import InboxModel
import InboxStore

/// The queue's actions: moving through a list that pages from the database, search,
/// limit, tags, and acting on the selected or tagged mentions.
extension AppState {
    mutating func queueAction(_ action: Action) -> [AppEffect] {
        switch action {
        case .moveDown: return moveCursor(to: queue.cursor + 1)
        case .moveUp: return moveCursor(to: queue.cursor - 1)
        case .pageDown:
            queue.top += queueRows
            return moveCursor(to: queue.cursor + queueRows)
        case .pageUp:
            queue.top = max(0, queue.top - queueRows)
            return moveCursor(to: queue.cursor - queueRows)
        case .first: return moveCursor(to: 0)
        case .last: return moveCursor(to: queue.summary.shown - 1)
        case .open:
            guard let selected = queue.selected else { return [] }
            mention = MentionScreen(number: selected.number, claimedAt: now)
            return [.loadMention(selected.number, claim: true)]
        case .back: return quit()
        case .search, .searchNext, .searchPrevious:
            return search(action)
        case .limit:
            overlay = .prompt(Prompt(purpose: .limit, editor: LineEditor(queue.filter.description)))
            // While the agent types the words.
            return [.prepareLimit(queue.filter)]
        case .tag:
            guard let selected = queue.selected else { return [] }
            if queue.tagged.removeValue(forKey: selected.number) == nil { queue.tagged[selected.number] = selected.lastSeq }
            return moveCursor(to: queue.cursor + 1)
        case .tagAct:
            guard !queue.tagged.isEmpty else {
                complain("nothing is tagged; t tags the mention under the cursor")
                return []
            }
            let targets = queue.tagged.sorted { $0.key < $1.key }.map { MentionRef(number: $0.key, seenSeq: $0.value) }
            overlay = .menu(Menu(title: "Act on \(targets.count) tagged:", items: [
                .init(key: "c", label: "classify", choice: .menu(Self.classifyMenu(targets))),
                .init(key: "d", label: "no reply", choice: .menu(Self.dismissMenu(targets))),
                .init(key: "h", label: "hand off", choice: .menu(Self.handOffMenu(targets, departments: settings.departments))),
            ], targets: targets))
            return []
        case .classify, .dismiss:
            guard let selected = queue.selected else { return [] }
            let targets = [MentionRef(number: selected.number, seenSeq: selected.lastSeq)]
            overlay = .menu(action == .classify ? Self.classifyMenu(targets, suggested: selected.suggestedKind)
                : Self.dismissMenu(targets))
            return []
        case .alerts:
            let alerts = queue.summary.alerts
            guard !alerts.isEmpty else {
                say("no alerts: nothing spreading, no influential author waiting, every kind in time")
                return []
            }
            let minutes = settings.alerts.spreadingMinutes
            overlay = .menu(Menu(title: "Limit the queue to:", items: alerts.enumerated().map { index, alert in
                Menu.Item(key: Character(String(index + 1)), label: alert.summary(minutes: minutes), choice: .limit(alert.limit))
            }, targets: []))
            return []
        case .report:
            report = ReportScreen()
            return [.loadReport(timeZone: settings.timeZone)]
        case .positions:
            positions = PositionsScreen()
            return [.loadPositions]
        case .reply, .replyInEditor, .step, .handOff, .departmentAnswered, .note:
            complain("\(action.rawValue) works on an open case")
            return []
        case .newPosition, .revisePosition:
            complain("\(action.rawValue) works in the team positions (P)")
            return []
        case .switchPeriod:
            complain("\(action.rawValue) works in the report (R)")
            return []
        case .quit, .redraw, .help, .messages:
            return []  // The app answers these on every screen before asking the queue.
        }
    }

    /// Puts the cursor on queue position `position` (clamped), scrolls to show it, and
    /// asks for the page around it when that is not loaded.
    mutating func moveCursor(to position: Int) -> [AppEffect] {
        let count = max(queue.summary.shown, queue.rowsStart + queue.rows.count)
        queue.cursor = min(max(0, position), max(0, count - 1))
        queue.top = min(max(0, queue.top), max(0, count - queueRows))
        if queue.cursor < queue.top { queue.top = queue.cursor }
        if queue.cursor >= queue.top + queueRows { queue.top = queue.cursor - queueRows + 1 }
        return requestPage(force: false)
    }

    /// The page read that covers the screen, unless it is loaded or on its way. A page
    /// is three screens, the visible one in the middle. When the screen is loaded but
    /// comes within half a screen of the loaded rows' edge, the page around it is
    /// prefetched after drawing, so j/k never waits for a read (and reads once every
    /// half screen while scrolling).
    mutating func requestPage(force: Bool) -> [AppEffect] {
        let count = max(queue.summary.shown, queue.rowsStart + queue.rows.count)
        let needed = queue.top..<min(queue.top + queueRows, count)
        let loaded = queue.rowsStart..<(queue.rowsStart + queue.rows.count)
        let shown = !needed.isEmpty && loaded.contains(needed.lowerBound) && loaded.contains(needed.upperBound - 1)
        let margin = max(1, queueRows / 2)
        let nearEdge = shown && ((needed.lowerBound - margin < loaded.lowerBound && loaded.lowerBound > 0)
            || (needed.upperBound + margin > loaded.upperBound && loaded.upperBound < count))
        if !force && (needed.isEmpty || (shown && !nearEdge)) { return [] }
        let request = QueueRequest(filter: queue.filter, offset: max(0, queue.top - queueRows), limit: 3 * queueRows,
                                   anchor: nil)
        if !force && queue.pending == request { return [] }
        queue.pending = request
        return [!force && shown ? .prefetchQueue(request) : .loadQueue(request)]
    }

    mutating func pageLoaded(_ page: QueuePage) -> [AppEffect] {
        guard page.request.filter == queue.filter else { return [] }
        if queue.pending == page.request { queue.pending = nil }
        queue.rows = page.rows
        queue.rowsStart = page.request.offset
        if let anchor = page.request.anchor, let index = page.rows.firstIndex(where: { $0.number == anchor }) {
            let moved = page.request.offset + index - queue.cursor
            queue.cursor += moved
            queue.top += moved
        }
        // Tags on mentions that left the queue stay until acted on; nothing else to fix.
        return moveCursor(to: queue.cursor)
    }

    private mutating func search(_ action: Action) -> [AppEffect] {
        if action == .search {
            overlay = .prompt(Prompt(purpose: .search(forward: true)))
            return []
        }
        guard let text = queue.lastSearch else {
            complain("no search yet; / searches")
            return []
        }
        return [.search(text, filter: queue.filter, from: queue.cursor, forward: action == .searchNext)]
    }

    /// The kinds under their first letters; with `suggested`, Enter accepts it.
    static func classifyMenu(_ targets: [MentionRef], suggested: MentionKind? = nil) -> Menu {
        let items = MentionKind.allCases.map { kind in
            Menu.Item(key: kind == .positive ? "p" : kind.rawValue.first!, label: kind.rawValue, choice: .event(.classify(kind)))
        }
        return Menu(title: "Classify as:", items: items, targets: targets,
                    onEnter: suggested.flatMap { kind in items.first { $0.choice == .event(.classify(kind)) } })
    }

    /// The house's departments (config.toml's `departments`) under 1…9, and any other
    /// typed in.
    static func handOffMenu(_ targets: [MentionRef], departments: [String]) -> Menu {
        let listed = departments.prefix(9).enumerated().map { index, department in
            Menu.Item(key: Character(String(index + 1)), label: department, choice: .event(.handOff(department: department)))
        }
        return Menu(title: "Hand off to:", items: listed + [.init(key: "o", label: "other (type its name)", choice: .ask(.handOff))],
                    targets: targets)
    }

    static func dismissMenu(_ targets: [MentionRef]) -> Menu {
        Menu(title: "No reply, because:", items: [
            .init(key: "s", label: "spam", choice: .event(.dismiss(.spam, note: ""))),
            .init(key: "n", label: "not about us", choice: .event(.dismiss(.notAboutUs, note: ""))),
            .init(key: "f", label: "no facts to offer", choice: .event(.dismiss(.noFactsToOffer, note: ""))),
            .init(key: "o", label: "other (say why)", choice: .ask(.dismissNote)),
        ], targets: targets)
    }
}
