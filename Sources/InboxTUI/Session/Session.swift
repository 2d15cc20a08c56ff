import Foundation
import InboxModel
import InboxStore

/// One agent's inbox running on a terminal: the loop that feeds keys, resizes, clock
/// ticks and database changes into the app core, carries out the effects it returns
/// against the database, and draws the state. Quits on q, and on SIGINT, SIGTERM and
/// SIGHUP after saving the draft, always restoring the terminal.
final class Session {
    private let inbox: any InboxDatabase
    private let watcher: any ChangeWatching
    /// Where the database work runs, off this loop.
    private let worker: EffectWorker
    private let terminal: Terminal
    private(set) var state: AppState
    /// `WEBCARE_TRACE=FILE`: one line per key with the microseconds the app core and the
    /// render took, one per database effect with its microseconds, and one per clock tick
    /// (a tick redraws changed clocks, which the benchmark keeps apart from j/k steps),
    /// for the inbox benchmark (Benchmarks/Inbox). Off unless set.
    private let trace: FileHandle? = ProcessInfo.processInfo.environment["WEBCARE_TRACE"].flatMap {
        _ = FileManager.default.createFile(atPath: $0, contents: nil)
        return FileHandle(forWritingAtPath: $0)
    }

    init(inbox: any InboxDatabase, terminal: Terminal, settings: AppState.Settings, databaseLabel: String) throws {
        self.inbox = inbox
        self.terminal = terminal
        watcher = try inbox.changes()
        let trace = trace
        let runner = EffectRunner(inbox: inbox, alerts: settings.alerts)
        worker = EffectWorker { effect in Session.run(effect, with: runner, trace: trace) }
        let (width, height) = terminal.size
        state = AppState(width: width, height: height, now: Date(), agent: inbox.agent, databaseLabel: databaseLabel,
                         settings: settings)
        state.readOnly = inbox.isReadOnly
    }

    /// Runs until the agent quits or a signal asks to; the terminal is restored on return.
    func run() {
        defer { terminal.close() }
        perform(state.start())
        // The first screen shows the queue, not an empty frame before it.
        settle()
        terminal.draw(Render.screen(state))
        trace?.write(Data("first-screen\n".utf8))
        var lastTick = Date()
        var lastPoll = Date()
        while !state.quitting {
            if Signals.take() != nil {
                perform(state.quit())
                break
            }
            // While the database works, look for its answers often; else wait for keys.
            terminal.wait(milliseconds: worker.busySince == nil ? 100 : 5)
            var changed = false
            switch terminal.read() {
            case .key(let key)?:
                if worker.holdingKeysSince != nil || !heldKeys.isEmpty {
                    heldKeys.append(key)
                } else {
                    press(key)
                }
            case .resize(let width, let height)?:
                terminal.invalidate()
                dispatch(.resize(width: width, height: height))
                changed = true
            case .hangup?:
                perform(state.quit())
            case nil:
                break
            }
            if takeAnswers() { changed = true }
            let now = Date()
            if now.timeIntervalSince(lastPoll) >= 0.25 {
                lastPoll = now
                if (try? watcher.hasChanged()) == true {
                    dispatch(.databaseChanged)
                    changed = true
                }
            }
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                dispatch(.tick(now))
                trace?.write(Data("tick\n".utf8))
                changed = true
            }
            if showWaiting(now: now) { changed = true }
            if changed && !state.quitting { terminal.draw(Render.screen(state)) }
            submitPrefetches()
        }
        // What the agent did last (the draft, letting go of the case) lands before we go.
        worker.finish(within: Inbox.busyTimeout)
    }

    /// Handles one key and draws its answer.
    private func press(_ key: Key) {
        let start = DispatchTime.now().uptimeNanoseconds
        dispatch(.key(key))
        let updated = DispatchTime.now().uptimeNanoseconds
        if !state.quitting { terminal.draw(Render.screen(state)) }
        let drawn = DispatchTime.now().uptimeNanoseconds
        trace?.write(Data("key \(key.name) update_us \((updated - start) / 1000) render_us \((drawn - updated) / 1000)\n".utf8))
        submitPrefetches()
    }

    private func dispatch(_ event: AppEvent) {
        perform(state.update(event))
    }

    /// Keys typed while an answer they depend on was pending, in order.
    private var heldKeys: [Key] = []

    /// Dispatches the database's answers that came, then the keys held for them, as long
    /// as no new answer holds them again; whether anything changed.
    private func takeAnswers() -> Bool {
        let answers = worker.takeAnswers()
        for answer in answers { dispatch(answer) }
        var pressed = false
        while !heldKeys.isEmpty && worker.holdingKeysSince == nil && !state.quitting {
            press(heldKeys.removeFirst())
            pressed = true
        }
        return !answers.isEmpty || pressed
    }

    /// Waits until no answer that holds keys is pending, dispatching them as they come.
    private func settle() {
        repeat {
            _ = takeAnswers()
            if worker.holdingKeysSince != nil { usleep(1000) }
        } while worker.holdingKeysSince != nil
        _ = takeAnswers()
    }

    /// Says on the status line that the database is slow to answer (after half a
    /// second: a local database answers long before, and the line would flicker);
    /// whether that changed.
    private func showWaiting(now: Date) -> Bool {
        let waiting = worker.busySince.map { now.timeIntervalSince($0) >= 0.5 } ?? false
        let shown = waiting ? AppState.DatabaseWait(heldKeys: heldKeys.count) : nil
        guard shown != state.databaseWait else { return false }
        state.databaseWait = shown
        return true
    }

    /// Pages asked for ahead of need, read once the screen is drawn.
    private var prefetches: [AppEffect] = []

    private func submitPrefetches() {
        for effect in prefetches { worker.submit(effect) }
        prefetches = []
    }

    /// Hands `effects` to the database's thread in order (the terminal's own, $EDITOR and
    /// a repaint, are carried out here); their answers come back as events. Prefetches
    /// wait for the screen to be drawn.
    private func perform(_ effects: [AppEffect]) {
        for effect in effects {
            switch effect {
            case .prefetchQueue:
                prefetches.append(effect)
            case .editExternally(let text):
                terminal.suspend()
                let edited = ExternalEditor.edit(text)
                terminal.resume()
                dispatch(.edited(edited))
            case .redraw:
                terminal.invalidate()
            default:
                worker.submit(effect)
            }
        }
    }

    /// Carries out one database effect on the worker's thread; the event it answers with,
    /// and what the store has to say (a connection made again).
    private static func run(_ effect: AppEffect, with runner: EffectRunner, trace: FileHandle?) -> [AppEvent] {
        let answer = answer(to: effect, with: runner, trace: trace)
        return [answer, runner.inbox.takeNotice().map(AppEvent.notice)].compactMap { $0 }
    }

    private static func answer(to effect: AppEffect, with runner: EffectRunner, trace: FileHandle?) -> AppEvent? {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let name = "\(effect)".prefix { $0.isLetter }
            trace?.write(Data("effect \(name) us \((DispatchTime.now().uptimeNanoseconds - start) / 1000)\n".utf8))
        }
        do {
            return try runner.run(effect, now: Date())
        } catch {
            return .failed(EffectRunner.describe(error))
        }
    }
}
