import Foundation
import Testing

/// The start of most end-to-end tests: a scratch database holding the sample mentions
/// and the real inbox on it in tmux, waited for until its queue shows. `stop()` ends
/// tmux with everything in it and removes the scratch directory.
final class SampleInbox {
    let scratch: StoreCommandTests.Scratch
    let tmux: Tmux

    init(environment: [String: String] = [:], width: Int = 100, height: Int = 30) throws {
        scratch = try StoreCommandTests.Scratch()
        tmux = Tmux(home: scratch.path)
        #expect(try scratch.run(["import", StoreCommandTests.sample + "/mentions.jsonl"]).status == 0)
        try tmux.start(["--db", scratch.database], width: width, height: height, environment: environment)
        #expect(try tmux.wait(for: "alle 11").ok)
    }

    /// What the database answers to `sql`, as sqlite3 prints it.
    func query(_ sql: String) throws -> String {
        try WebcareProcess.run([scratch.database, sql], executable: "/usr/bin/sqlite3").stdout
    }

    func stop() {
        tmux.stop()
        scratch.remove()
    }
}
