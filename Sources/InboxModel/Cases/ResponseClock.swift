import Foundation

/// What webcare teams are measured on: how long the customer waits for us.
///
/// - First response: from the customer's first message to our first reply, or to a
///   recorded decision not to reply (a dismissal).
/// - Next response: from a customer message after our reply to our next reply.
///
/// The clock runs from the moment a customer message starts a wait (its posted time for
/// an import, its feed time for a replay), stops when we reply, and does not run while
/// the case waits for the customer (we replied last, so nobody waits on us). By house rule
/// it also pauses while the case is with a department; by default it keeps running there,
/// since the customer is still waiting. A pure value folded over the case's events with
/// time as an input, so every screen and report reads the same clock.
public struct ResponseClock: Equatable, Sendable {
    /// One measured wait.
    public struct Response: Equatable, Sendable {
        public enum Kind: String, Sendable {
            case first
            case next
        }

        public var kind: Kind
        /// Whole seconds the customer waited, pauses left out.
        public var seconds: Int
        /// The wait ended in a decision not to reply rather than a reply.
        public var withoutReply: Bool
    }

    /// When the current wait started, moved on by the time it spent paused; nil while
    /// nobody waits on us.
    public private(set) var waitingSince: Date?
    /// When the current pause began (the case went to a department under the house rule).
    public private(set) var pausedAt: Date?
    /// Every wait measured so far, oldest first.
    public private(set) var responses: [Response] = []

    /// The clock of a case whose first message starts a wait at `openedAt` (nil: not known
    /// yet; the first customer message will start it).
    public init(openedAt: Date?) {
        waitingSince = openedAt
    }

    /// The clock counts now: someone waits and it is not paused.
    public var isRunning: Bool { waitingSince != nil && pausedAt == nil }

    /// The customer wrote at `at`: a wait starts unless one is already running.
    public mutating func customerWrote(at: Date) {
        if waitingSince == nil { waitingSince = at }
    }

    /// We replied at `at` (or decided not to, `withoutReply`): the wait ends and is measured.
    public mutating func answered(at: Date, withoutReply: Bool = false) {
        guard let since = waitingSince else { return }
        let paused = pausedAt.map { at.timeIntervalSince(max($0, since)) } ?? 0
        let seconds = Int(wholeSeconds: max(0, at.timeIntervalSince(since) - max(0, paused)))
        responses.append(Response(kind: responses.isEmpty ? .first : .next, seconds: seconds,
                                  withoutReply: withoutReply))
        waitingSince = nil
        pausedAt = nil
    }

    /// The case closed without a reply being owed (the customer's thanks, a resolved
    /// complaint): the wait ends unmeasured.
    public mutating func stop() {
        waitingSince = nil
        pausedAt = nil
    }

    public mutating func pause(at: Date) {
        if pausedAt == nil { pausedAt = at }
    }

    /// The pause ends at `at`: the wait goes on where it stopped.
    public mutating func resume(at: Date) {
        guard let paused = pausedAt else { return }
        pausedAt = nil
        guard let since = waitingSince else { return }
        let length = at.timeIntervalSince(max(paused, since))
        if length > 0 { waitingSince = since.addingTimeInterval(length) }
    }

    /// The first response, once there was one.
    public var firstResponse: Response? { responses.first }
}
