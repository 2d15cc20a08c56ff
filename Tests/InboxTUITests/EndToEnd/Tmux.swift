import Foundation

/// A tmux server of its own running the real `webcare` binary in a pane of a set size:
/// the tests send keys as a person types them and read the screen as a person sees it.
final class Tmux {
    /// How long a step waits for the screen it expects: a guard against hanging, not a
    /// measure. Generous, because the whole suite runs in parallel on two cores (on a
    /// fresh clone's CI, with PostgreSQL and Chromium beside it, a step has taken half a
    /// minute); a passing step returns as soon as its screen shows.
    static let patience: TimeInterval = 90

    private let socket = "webcare-test-\(UUID().uuidString.prefix(8))"
    /// Environment every pane starts with: a UTF-8 locale and no user configuration.
    let home: String

    init(home: String) {
        self.home = home
    }

    /// Starts a session running `arguments` (the binary is prepended) in a shell that
    /// prints the exit status when it ends, so a test can read it.
    func start(_ arguments: [String], width: Int = 100, height: Int = 30, name: String = "main",
               environment: [String: String] = [:], prefix: [String] = [], binary: String = WebcareProcess.binary.path) throws {
        let env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home, "XDG_CONFIG_HOME": home + "/config",
                   "EDITOR": "false"].merging(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }.joined(separator: " ")
        // `swift test` runs tests with NO_COLOR=1; a pane only has it when the test says so.
        let unset = env["NO_COLOR"] == nil ? " -u NO_COLOR" : ""
        let command = (prefix + ["env"]).joined(separator: " ") + unset + " \(assignments) "
            + ([binary] + arguments).map(Self.quoted).joined(separator: " ")
            + "; echo EXIT=$?; sleep 600"
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command], capture: false)
    }

    func send(_ keys: String..., to target: String = "main") throws {
        try tmux(["send-keys", "-t", target] + keys, capture: false)
    }

    /// Sends `keys` and waits until `text` shows: one step of a session as a person
    /// reads it.
    func press(_ keys: String..., until text: String, timeout: TimeInterval = Tmux.patience, target: String = "main") throws -> Bool {
        try tmux(["send-keys", "-t", target] + keys, capture: false)
        return try wait(for: text, timeout: timeout, target: target).ok
    }

    /// Types `text` literally (no key names).
    func type(_ text: String, to target: String = "main") throws {
        try tmux(["send-keys", "-t", target, "-l", text], capture: false)
    }

    /// The pane's text; with `escapes`, with the attributes and colours of each cell as
    /// SGR sequences (tmux's `capture-pane -e`), so a test can read colour back.
    func screen(_ target: String = "main", escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []))
    }

    func resize(width: Int, height: Int, target: String = "main") throws {
        try tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)], capture: false)
    }

    /// Polls the screen until `condition` holds, up to `timeout` seconds; the last screen.
    @discardableResult
    func wait(for condition: (String) -> Bool, timeout: TimeInterval = Tmux.patience, target: String = "main",
              escapes: Bool = false) throws -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(target, escapes: escapes)
            if condition(last) { return (true, last) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (false, last)
    }

    func wait(for text: String, timeout: TimeInterval = Tmux.patience, target: String = "main") throws -> (ok: Bool, screen: String) {
        try wait(for: { $0.contains(text) }, timeout: timeout, target: target)
    }

    /// Ends the server and everything running in its panes, and waits until they are
    /// gone: a test leaves nothing running, also when it fails.
    func stop() {
        let servers = (try? WebcareProcess.pids(containing: socket)) ?? []
        let tree = servers + servers.flatMap(WebcareProcess.descendants(of:))
        _ = try? tmux(["kill-server"], capture: false)
        for pid in tree { kill(pid, SIGKILL) }
    }

    /// Runs tmux with posix_spawn and waitpid: Foundation's Process waited forever here
    /// on the client that daemonizes the server. Only commands that answer (capture-pane)
    /// get a pipe; the server would keep an inherited one open.
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // The test runner's threads block most signals, and a spawned process inherits
        // the mask: the tmux server, its shells and the inboxes would ignore the SIGHUP
        // that kill-server sends and outlive the test. They start with nothing blocked
        // and every signal at its default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
        var output = Data()
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
