import Foundation
import Synchronization

/// SIGINT, SIGTERM and SIGHUP (an ssh session that drops) become a flag the session loop
/// reads between keys, so the draft is saved and the terminal restored before exiting,
/// instead of the process dying with the terminal in raw mode.
enum Signals {
    private static let received = Atomic<Int32>(0)

    static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in Signals.received.store(number, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        // A parent (a test runner, a daemon) may start us with signals blocked; an inbox
        // must hear these and ncurses must hear SIGWINCH to see a resize.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal that arrived since the last call, if any.
    static func take() -> Int32? {
        let number = received.exchange(0, ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
