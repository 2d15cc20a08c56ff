import Foundation

/// Runs the inbox's database effects on a thread of its own, one at a time in the order
/// they were given, so the input loop never waits on a lock or a round trip to a server:
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
    /// How many of `unanswered` have started (their answers come first).
    private var started = 0

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
        if stopped && waiting.isEmpty { return nil }
        // What the agent waits for goes before counts and pages read ahead, which only
        // read; writes keep their order (a draft saved, then the reply that clears it).
        let effect = waiting.remove(at: waiting.firstIndex { !$0.readsAhead } ?? 0)
        // Effects finish in the order they start; `unanswered` is kept in that order, so
        // the answers taken are always its first entries.
        if let position = unanswered[started...].firstIndex(where: { $0.effect == effect }) {
            unanswered.insert(unanswered.remove(at: position), at: started)
        }
        started += 1
        return effect
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
        started -= taken.count
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
    /// ahead, a limit readied. They wait while anything else is pending.
    var readsAhead: Bool {
        switch self {
        case .loadSummary, .prefetchQueue, .prepareLimit: true
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
        case .prefetchQueue, .loadSummary, .prepareLimit, .release, .saveDraft, .editExternally, .redraw, .loadReport:
            false
        }
    }
}
