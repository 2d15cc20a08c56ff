import Foundation
import InboxModel
import InboxStore

/// Everything that reaches the app core: input, time, and the answers to its effects.
enum AppEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The clock moved on (about once a second): countdowns and reaction clocks tick.
    case tick(Date)
    /// Another process committed to the database.
    case databaseChanged
    case queueLoaded(QueuePage)
    case summaryLoaded(QueueSummary)
    case mentionLoaded(MentionDetail)
    case positionsLoaded([TeamPosition])
    case reportLoaded(today: TeamReport, week: TeamReport)
    /// A search answered: the queue position of the match, nil when none; `wrapped` when
    /// it was found by starting over from the other end.
    case searchFound(Int?, wrapped: Bool)
    /// The flow event went into the log of `count` mentions.
    case appended(FlowEvent, count: Int)
    /// A team position was saved.
    case positionSaved(TeamPosition)
    /// A write or read was refused; the message says why, in the agent's words.
    case failed(String)
    /// The store did something on its own the agent should know of (a connection made again).
    case notice(String)
    /// A reply was refused because `agent` holds the mention; the agent may take it over.
    case heldByAnother(agent: String, event: FlowEvent, target: MentionRef)
    /// $EDITOR returned; nil when the edit was abandoned.
    case edited(String?)
}

/// What the app core asks the world to do; the session carries these out against the
/// database and the terminal and answers with events.
enum AppEffect: Equatable, Sendable {
    case loadQueue(QueueRequest)
    /// Reads a page the screen will need soon (the cursor nears the edge of what is
    /// loaded), after the screen is drawn, so a j/k step never waits for it.
    case prefetchQueue(QueueRequest)
    case loadSummary(QueueFilter)
    /// Readies a limit with words on the filter while the agent types them.
    case prepareLimit(QueueFilter)
    /// Claims (when `claim`) and reads a mention with everything its view shows.
    case loadMention(Int64, claim: Bool)
    case release(Int64)
    /// Appends `event` to each mention (number, the sequence number the agent saw).
    case append(FlowEvent, to: [MentionRef])
    /// Takes the mention over from the agent who holds it and appends `event`, in one
    /// transaction that records the take-over.
    case takeOverAndAppend(FlowEvent, to: MentionRef)
    /// The draft's text, the case, and the occasion it is written for.
    case saveDraft(String, for: Int64, writtenFor: String?)
    case loadPositions
    /// Reads the team's report for today and this week (days in `timeZone`).
    case loadReport(timeZone: TimeZone)
    case savePosition(id: String?, topic: String, statement: String, short: String?)
    case search(String, filter: QueueFilter, from: Int, forward: Bool)
    case editExternally(String)
    /// Repaint every cell, not only the changed ones (^L).
    case redraw
}

/// A mention an action applies to, with the last event the agent saw on it.
struct MentionRef: Equatable, Sendable {
    var number: Int64
    var seenSeq: Int
}

/// A page of the queue to read.
struct QueueRequest: Equatable, Sendable {
    var filter: QueueFilter
    var offset: Int
    var limit: Int
    /// The mention under the cursor: when the page holds it, the cursor stays on it.
    var anchor: Int64?
}

/// A page of the queue as read.
struct QueuePage: Equatable, Sendable {
    var request: QueueRequest
    var rows: [StoredMention]
}

/// One mention with everything its view shows.
struct MentionDetail: Equatable, Sendable {
    var stored: StoredMention
    var flow: MentionFlow
    var history: [LoggedEvent]
    var earlier: [StoredMention]
    /// The case's messages, others' in the same conversations, and our replies.
    var thread: [ThreadEntry]
    /// The steps the flow has been in: the checklist ticks these only.
    var stepsReached: Set<FlowStep> = []
    var draft: SavedDraft?
    /// Why triage suggested what it did, while nobody confirmed a kind.
    var suggestion: KindClassifier.Suggestion?
}
