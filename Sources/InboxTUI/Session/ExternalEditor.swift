import Foundation

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on a temporary file holding `text`, for
/// replies that want a real editor (an e-mail, a long answer). Answers the edited text,
/// or nil when the editor failed or the file was emptied.
enum ExternalEditor {
    static func edit(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("webcare-reply-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try Data(text.utf8).write(to: url, options: [.atomic])
            chmod(url.path, 0o600)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // The editor command may carry flags ("emacs -nw"): the shell splits it.
            process.arguments = ["-c", "\(editor) \"$1\"", "webcare-editor", url.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            var edited = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            while edited.last == "\n" { edited.removeLast() }
            return edited.isEmpty ? nil : edited
        } catch {
            return nil
        }
    }
}
