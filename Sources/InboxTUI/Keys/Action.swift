/// Everything an agent can ask for with a key, by name. The name is what
/// `config.toml` binds keys to and what the help screen lists, with `help`.
enum Action: String, CaseIterable, Sendable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case first = "first"
    case last = "last"
    case open = "open"
    case back = "back"
    case quit = "quit"
    case search = "search"
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case limit = "limit"
    case tag = "tag"
    case tagAct = "tag-act"
    case redraw = "redraw"
    case help = "help"
    case messages = "messages"
    case classify = "classify"
    case dismiss = "dismiss"
    case reply = "reply"
    case replyInEditor = "reply-in-editor"
    case positions = "positions"
    case step = "step"
    case handOff = "hand-off"
    case departmentAnswered = "department-answered"
    case note = "note"
    case newPosition = "new-position"
    case revisePosition = "revise-position"
    case alerts = "alerts"
    case report = "report"
    case switchPeriod = "switch-period"

    var help: String {
        switch self {
        case .moveDown: "next line"
        case .moveUp: "previous line"
        case .pageDown: "next page"
        case .pageUp: "previous page"
        case .first: "first line"
        case .last: "last line"
        case .open: "open the mention (claims it) / use the position"
        case .back: "back to the previous view; quit from the queue"
        case .quit: "quit webcare (the draft is saved)"
        case .search: "search text, handle or name"
        case .searchNext: "next match"
        case .searchPrevious: "previous match"
        case .limit: "limit the queue: kind:K platform:P state:S mine overdue all, or words"
        case .tag: "tag or untag the mention"
        case .tagAct: "act on all tagged: classify, dismiss, hand off"
        case .redraw: "redraw the screen"
        case .help: "this help"
        case .messages: "the last messages in full, newest first"
        case .classify: "classify: question, complaint, positive, negative, allegation"
        case .dismiss: "no reply, with a reason"
        case .reply: "compose the reply the current step asks for"
        case .replyInEditor: "compose the reply in $EDITOR (e-mail, long answers)"
        case .positions: "team positions: choose, create, revise"
        case .step: "the next steps the flow allows now (think, draft, respond, close...)"
        case .handOff: "hand the case to a department"
        case .departmentAnswered: "record the department's answer"
        case .note: "add an internal note"
        case .newPosition: "write a new team position"
        case .revisePosition: "revise the selected position (new version)"
        case .alerts: "alerts: limit the queue to what one is about"
        case .report: "the team's report, today and this week (again: read anew)"
        case .switchPeriod: "switch the report between today and this week"
        }
    }
}

/// The screens that have their own keymap; `generic` applies everywhere.
enum KeyContext: String, CaseIterable, Sendable {
    case generic
    case queue
    case mention
    case positions
    case report
}
