import Foundation

/// Runs database effects on a thread of its own (the session has two: one for what the
/// agent waits for and writes, one for reads ahead), one at a time in the order they
/// were given, so the input loop never waits on a lock or a round trip to a server:
/// it hands effects over, goes on reading keys and drawing, and takes the answers (in
/// the same order) when they are there.
final class EffectWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [AppEffect] = []
    /// Answers not taken yet, one per effect done (each none, one or more events).
    private var answers: [[AppEvent]] = []
    /// Effects given whose answers were not taken yet, the one running included: keys
    /// stay held until the answer they wait for is in the state, not only computed.
    private var unanswered: [(effect: AppEffect, since: Date)] = []
    private var stopped = false

    /// `run` carries out one effect on the worker's thread; the events it answers with.
    init(run: @escaping @Sendable (AppEffect) -> [AppEvent]) {
        let thread = Thread { [unowned self] in
            while let effect = self.next() {
                let event = run(effect)
                self.condition.lock()
                self.answers.append(event)
                self.condition.broadcast()
                self.condition.unlock()
            }
        }
        thread.name = "webcare database"
        thread.start()
    }

    private func next() -> AppEffect? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !stopped { condition.wait() }
        return stopped && waiting.isEmpty ? nil : waiting.removeFirst()
    }

    func submit(_ effect: AppEffect) {
        condition.lock()
        waiting.append(effect)
        unanswered.append((effect, Date()))
        condition.broadcast()
        condition.unlock()
    }

    /// The answers that came since the last call, in order.
    func takeAnswers() -> [AppEvent] {
        condition.lock()
        defer { condition.unlock() }
        let taken = answers
        answers.removeAll()
        unanswered.removeFirst(taken.count)
        return taken.flatMap { $0 }
    }

    /// Since when the oldest unanswered effect that holds keys (`AppEffect.holdsKeys`)
    /// has waited; nil when none is pending.
    var holdingKeysSince: Date? {
        condition.lock()
        defer { condition.unlock() }
        return unanswered.first { $0.effect.holdsKeys }?.since
    }

    /// Since when the oldest unanswered effect of any kind has waited.
    var busySince: Date? {
        condition.lock()
        defer { condition.unlock() }
        return unanswered.first?.since
    }

    /// Waits until every effect given so far is done (a quit's draft and release land
    /// before the process ends), at most `limit` seconds.
    func finish(within limit: TimeInterval) {
        condition.lock()
        let deadline = Date(timeIntervalSinceNow: limit)
        while answers.count < unanswered.count && condition.wait(until: deadline) {}
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

extension AppEffect {
    /// Only reads, for a screen that is already drawn: the header's counts, a page read
    /// ahead. They run on a connection of their own, so what the agent waits for never
    /// queues behind them.
    var readsAhead: Bool {
        switch self {
        case .loadSummary, .prefetchQueue: true
        default: false
        }
    }

    /// Keys typed while it is pending are meant for the screen its answer makes (an
    /// opened case, a reloaded queue, a step's result), so they wait for it, in order;
    /// the others (saving a draft as it is typed, counts, a release, a page read ahead)
    /// hold nothing up.
    var holdsKeys: Bool {
        switch self {
        case .loadQueue, .loadMention, .append, .takeOverAndAppend, .loadPositions, .savePosition, .search: true
        case .prefetchQueue, .loadSummary, .release, .saveDraft, .editExternally, .redraw: false
        }
    }
}
