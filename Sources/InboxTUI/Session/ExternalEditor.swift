import Foundation
import InboxStore

/// Runs `$VISUAL` or `$EDITOR` (else `vi`) on a temporary file holding `text`, for
/// replies that want a real editor (an e-mail, a long answer). Answers the edited text,
/// or nil when the editor failed or the file was emptied.
enum ExternalEditor {
    static func edit(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // A fresh 0700 directory at an unpredictable name (mkdtemp) holding a 0600 file
        // (mkstemps): nobody else can read the draft or have planted a file in its way,
        // and editors that save by renaming (vim's backupcopy) stay inside it.
        guard let directory = try? PrivateFile.temporaryDirectory(prefix: "webcare-reply"),
              let path = try? PrivateFile.temporaryFile(in: directory, prefix: "reply", suffix: ".txt", contents: text)
        else { return nil }
        let url = URL(fileURLWithPath: path)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
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
