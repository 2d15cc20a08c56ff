import Foundation
import InboxModel
import InboxStore

/// The whole state of one agent's inbox on screen. `update` (the app core) changes it
/// in answer to an event and returns effects; `render` draws it. Neither touches the
/// terminal or the database, so both are tested as values.
struct AppState: Equatable, Sendable {
    var width: Int
    var height: Int
    var now: Date
    var agent: String
    /// The database as the status line names it.
    var databaseLabel: String
    /// The database cannot be written by this agent: shown, nothing claimed.
    var readOnly = false
    /// The database is slow to answer (a server a network away, a lock): the status line
    /// says so, and how many keys wait for its answer.
    var databaseWait: DatabaseWait?

    struct DatabaseWait: Equatable, Sendable {
        var heldKeys: Int
    }
    var settings: Settings
    var queue = QueueState()
    var mention: MentionScreen?
    var positions: PositionsScreen?
    var report: ReportScreen?
    var overlay: Overlay?
    /// The one-line answer to the last thing the agent did (or an error); every new one
    /// also goes to `messageLog`, where a message too long for its line is read whole.
    var message: Message? {
        didSet {
            guard let message, message != oldValue else { return }
            messageLog.append(LoggedMessage(at: now, message: message))
            if messageLog.count > Self.messagesKept { messageLog.removeFirst(messageLog.count - Self.messagesKept) }
        }
    }
    /// The last messages, oldest first (`M` shows them).
    var messageLog: [LoggedMessage] = []
    static let messagesKept = 100
    /// Set when the agent quit: the session saves the draft and restores the terminal.
    var quitting = false
    /// When the agent last pressed a key: claims are renewed only while they are there.
    var lastKey: Date
    /// When the screen was last read from the database.
    var lastReload: Date

    /// What the house rules and config decide, fixed for a session.
    struct Settings: Equatable, Sendable {
        var keymap = Keymap.defaults
        var deadlines = ReactionDeadlines.defaults
        var rules = HouseRules()
        /// Which case a new mention joins (the reopening window for direct messages).
        var caseRule = CaseRule()
        var style = ReplyStyle.dutchInformal
        /// How the agent signs replies ("^Mirjam"); the account name when not set.
        var signature: String?
        var departments = ["Klantenservice", "Techniek", "Juridisch", "Communicatie"]
        var ascii = false
        /// Where the agent's clock times are shown in.
        var timeZone = TimeZone.current
        /// When the queue's header raises an alert.
        var alerts = AlertThresholds()
    }

    struct Message: Equatable, Sendable {
        var text: String
        var isError: Bool
        /// Typing in the composer leaves it on screen: an error, or news from the store
        /// (a connection made again), which the agent must not miss while writing.
        var staysWhileTyping = false
    }

    struct LoggedMessage: Equatable, Sendable {
        var at: Date
        var message: Message
    }

    init(width: Int, height: Int, now: Date, agent: String, databaseLabel: String, settings: Settings = Settings()) {
        self.width = width
        self.height = height
        self.now = now
        self.agent = agent
        self.databaseLabel = databaseLabel
        self.settings = settings
        lastKey = now
        lastReload = now
    }

    /// Below this the screen shows only a message asking for a bigger terminal.
    static let minimumWidth = 60
    static let minimumHeight = 15

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The keymap in force where the agent is.
    var keyContext: KeyContext {
        if report != nil { return .report }
        if positions != nil { return .positions }
        if mention != nil { return .mention }
        return .queue
    }

    /// Rows of the queue list: all but the header, status and message lines.
    /// Queue lines between the counts and the column names above and the status and
    /// message lines below.
    var queueRows: Int { max(1, height - 4) }

    mutating func say(_ text: String) { message = Message(text: text, isError: false) }
    mutating func complain(_ text: String) { message = Message(text: text, isError: true, staysWhileTyping: true) }
    /// News from the store the agent did not ask for, kept on screen while they type.
    mutating func notify(_ text: String) { message = Message(text: text, isError: false, staysWhileTyping: true) }
}

/// The queue: which page of it is loaded and where the cursor is. Positions count from
/// 0 in queue order under the filter; only `rows` (a few screens around the cursor) are
/// in memory, whatever the size of the inbox.
struct QueueState: Equatable, Sendable {
    var filter = QueueFilter.open
    var summary = QueueSummary()
    /// The counts for this filter are on their way; `summary.shown` is not known yet.
    var counting = false
    var rows: [StoredMention] = []
    /// Queue position of `rows[0]`.
    var rowsStart = 0
    var cursor = 0
    /// Queue position of the first line on screen.
    var top = 0
    /// Tagged mentions, with the last event seen on each when tagged.
    var tagged: [Int64: Int] = [:]
    var lastSearch: String?
    /// A page read is under way, so the same one is not asked for twice.
    var pending: QueueRequest?

    /// The mention at queue position `position`, if that page is loaded.
    func row(at position: Int) -> StoredMention? {
        let index = position - rowsStart
        return rows.indices.contains(index) ? rows[index] : nil
    }

    var selected: StoredMention? { row(at: cursor) }
}

/// The open mention, and the reply being written to it.
struct MentionScreen: Equatable, Sendable {
    var number: Int64
    var detail: MentionDetail?
    var scroll = 0
    var composer: Composer?
    /// When the claim was last taken or renewed; renewed well inside the lease.
    var claimedAt: Date
}

/// The reply composer: the text, where it goes and what it does, and the log position
/// the agent started from (a send after someone else's change is refused with it).
struct Composer: Equatable, Sendable {
    var editor: LineEditor
    var expectation: ReplyExpectation?
    var channel: ReplyChannel
    var rules: ReplyRules
    var seenSeq: Int
    /// What the reply is written for (`MentionFlow.replyOccasion`), saved with the draft.
    var writtenFor: String?
    /// A draft written at an earlier step, or the text before ^T changed the style, one
    /// key (^R) away.
    var earlierDraft: String?
    /// The style of the template it opened with; ^T moves to the next.
    var style = ReplyStyle.dutchInformal
    /// Typed since the draft was last saved.
    var unsaved = false

    var length: ReplyLength { ReplyLength(of: editor.text, rules: rules) }
}

/// The team positions list, opened for a mention (to choose one) or from the queue.
struct PositionsScreen: Equatable, Sendable {
    var positions: [TeamPosition] = []
    var cursor = 0
    /// The mention a chosen position is set on, if any.
    var target: MentionRef?
}

/// The team's report (R): today and this week, read when opened and again on R. Not on
/// every change another agent makes: a week of a busy team takes the database seconds,
/// and the agent's own steps would wait behind it.
struct ReportScreen: Equatable, Sendable {
    enum Period: Equatable, Sendable {
        case today, week
    }

    var today: TeamReport?
    var week: TeamReport?
    /// When the figures were read.
    var readAt: Date?
    var showing = Period.today
    /// The first line shown.
    var scroll = 0

    var shown: TeamReport? { showing == .today ? today : week }
}

/// What sits over the current view and takes the keys first.
enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    /// The last messages in full, newest first.
    case messages(scroll: Int)
    case menu(Menu)
    case prompt(Prompt)
    case confirm(Confirm)
}

/// A one-key choice, like mutt's "Classify as: (q)uestion (c)omplaint...".
struct Menu: Equatable, Sendable {
    var title: String
    var items: [Item]
    var targets: [MentionRef]
    /// The choice Enter makes (the suggested kind when classifying), if any.
    var onEnter: Item?

    struct Item: Equatable, Sendable {
        var key: Character
        var label: String
        var choice: Choice
    }

    indirect enum Choice: Equatable, Sendable {
        case event(FlowEvent)
        /// Another menu (act on tagged, then classify).
        case menu(Menu)
        /// Ask for text first, then build the event.
        case ask(Prompt.Purpose)
        /// Limit the queue with these words (an alert's subject).
        case limit(String)
    }
}

/// A line of text asked for at the bottom of the screen.
struct Prompt: Equatable, Sendable {
    var purpose: Purpose
    var editor = LineEditor()
    var targets: [MentionRef] = []

    enum Purpose: Equatable, Sendable {
        case search(forward: Bool)
        case limit
        case note
        case handOff
        case departmentAnswer(department: String)
        case dismissNote
        case solution
        /// Why the agent goes on without the customer's answer.
        case goOnReason
        /// How the agent will respond to an allegation, in a line (the think step).
        case consideration
        case positionTopic
        case positionStatement(id: String?, topic: String, short: String?)
        /// The position in few words for replies; empty for none.
        case positionShort(id: String?, topic: String, statement: String)

        var label: String {
            switch self {
            case .search(let forward): forward ? "Search: " : "Search backwards: "
            case .limit: "Limit to (kind:K platform:P state:S mine overdue all words): "
            case .note: "Note: "
            case .handOff: "Hand off to department: "
            case .departmentAnswer(let department): "\(department) answered: "
            case .dismissNote: "No reply because: "
            case .solution: "What the investigation found: "
            case .goOnReason: "Go on without their answer because: "
            case .consideration: "Thought it through; you will respond by: "
            case .positionTopic: "Position topic: "
            case .positionStatement(_, let topic, _): "Statement on \(topic): "
            case .positionShort: "Short form for replies (Enter alone: none): "
            }
        }
    }
}

/// A yes/no question before something that cannot be taken back (sending).
struct Confirm: Equatable, Sendable {
    var question: String
    var effect: AppEffect
    /// What the agent reads when they answer no.
    var declined = "not sent; the reply is still here"
}
