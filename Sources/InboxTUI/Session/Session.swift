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
        let (width, height) = terminal.size
        state = AppState(width: width, height: height, now: Date(), agent: inbox.agent, databaseLabel: databaseLabel,
                         settings: settings)
        state.readOnly = inbox.isReadOnly
    }

    /// Runs until the agent quits or a signal asks to; the terminal is restored on return.
    func run() {
        defer { terminal.close() }
        perform(state.start())
        terminal.draw(Render.screen(state))
        trace?.write(Data("first-screen\n".utf8))
        var lastTick = Date()
        var lastPoll = Date()
        while !state.quitting {
            if Signals.take() != nil {
                perform(state.quit())
                break
            }
            var changed = false
            switch terminal.read() {
            case .key(let key)?:
                let start = DispatchTime.now().uptimeNanoseconds
                dispatch(.key(key))
                let updated = DispatchTime.now().uptimeNanoseconds
                if !state.quitting { terminal.draw(Render.screen(state)) }
                let drawn = DispatchTime.now().uptimeNanoseconds
                trace?.write(Data("key \(key.name) update_us \((updated - start) / 1000) render_us \((drawn - updated) / 1000)\n".utf8))
                runPrefetches()
            case .resize(let width, let height)?:
                terminal.invalidate()
                dispatch(.resize(width: width, height: height))
                changed = true
            case .hangup?:
                perform(state.quit())
            case nil:
                break
            }
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
            if changed && !state.quitting { terminal.draw(Render.screen(state)) }
            runPrefetches()
        }
    }

    private func dispatch(_ event: AppEvent) {
        perform(state.update(event))
    }

    /// Pages asked for ahead of need, read once the screen is drawn.
    private var prefetches: [AppEffect] = []

    /// Reads the prefetched pages and draws again if anything came of them.
    private func runPrefetches() {
        guard !prefetches.isEmpty else { return }
        let due = prefetches
        prefetches = []
        for effect in due {
            if let event = run(effect) { dispatch(event) }
        }
        if !state.quitting { terminal.draw(Render.screen(state)) }
    }

    /// Carries out `effects` in order, drawing between them, so a first page is on
    /// screen while the counts behind it are still being read. Prefetches wait for the
    /// screen to be drawn.
    private func perform(_ effects: [AppEffect]) {
        for (index, effect) in effects.enumerated() {
            if case .prefetchQueue = effect {
                prefetches.append(effect)
                continue
            }
            guard let event = run(effect) else { continue }
            dispatch(event)
            if index < effects.count - 1 && !state.quitting { terminal.draw(Render.screen(state)) }
        }
    }

    /// Carries out one effect; the event it answers with, if any.
    private func run(_ effect: AppEffect) -> AppEvent? {
        switch effect {
        case .editExternally(let text):
            terminal.suspend()
            let edited = ExternalEditor.edit(text)
            terminal.resume()
            return .edited(edited)
        case .redraw:
            terminal.invalidate()
            return nil
        default:
            break
        }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let name = "\(effect)".prefix { $0.isLetter }
            trace?.write(Data("effect \(name) us \((DispatchTime.now().uptimeNanoseconds - start) / 1000)\n".utf8))
        }
        do {
            return try EffectRunner(inbox: inbox).run(effect, now: Date())
        } catch {
            return .failed(EffectRunner.describe(error))
        }
    }
}
