import InboxModel

/// The team positions list: choose one for the open allegation, write a new one, or
/// revise one (a new version; flows keep the version they answered with).
extension AppState {
    mutating func positionsAction(_ action: Action) -> [AppEffect] {
        guard let screen = positions else { return [] }
        let selected = screen.positions.indices.contains(screen.cursor) ? screen.positions[screen.cursor] : nil
        switch action {
        case .moveDown: positions?.cursor = min(screen.cursor + 1, max(0, screen.positions.count - 1))
        case .moveUp: positions?.cursor = max(0, screen.cursor - 1)
        case .first: positions?.cursor = 0
        case .last: positions?.cursor = max(0, screen.positions.count - 1)
        case .back: positions = nil
        case .open:
            guard let selected else { return [] }
            guard let target = screen.target else {
                say("open a mention to set a position on it; n writes a new one, e revises")
                return []
            }
            return [.append(.setPosition(selected), to: [target])]
        case .newPosition:
            overlay = .prompt(Prompt(purpose: .positionTopic))
        case .revisePosition:
            guard let selected else { return [] }
            overlay = .prompt(Prompt(purpose: .positionStatement(id: selected.id, topic: selected.topic,
                                                                 short: selected.short),
                                     editor: LineEditor(selected.statement)))
        case .pageDown, .pageUp, .search, .searchNext, .searchPrevious, .limit, .tag, .tagAct, .classify, .dismiss,
             .reply, .replyInEditor, .positions, .step, .handOff, .departmentAnswered, .note, .report, .switchPeriod, .alerts:
            complain("\(action.rawValue) does nothing in the positions list")
        case .quit, .redraw, .help, .messages:
            break  // The app answers these on every screen before asking the list.
        }
        return []
    }
}
