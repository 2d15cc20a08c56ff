import Foundation
import InboxModel

/// Reading standard input and writing standard output in bulk, with the errors a command
/// reports as bad input (exit status 2).
enum StandardStreams {
    /// Input a command cannot work with; the message names where the fault is.
    struct BadInput: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `message` with every control character and bidi override shown as a
    /// placeholder: messages quote file names, records and settings, and none of them
    /// may move the cursor or retitle the terminal of whoever reads the error.
    static func error(_ message: String) {
        errorWithoutNewline(VisibleText.lines(message) + "\n")
    }

    /// Writes `text` as it is: for the progress line's own escape sequences only.
    static func errorWithoutNewline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// All of standard input as text, or where it stops being UTF-8.
    static func readAll() throws(BadInput) -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let invalid = data.withUnsafeBytes { UTF8Validation.firstInvalidOffset(in: $0.bindMemory(to: UInt8.self)) }
        if let invalid { throw BadInput(description: "stdin: not valid UTF-8 at byte \(invalid + 1)") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Output gathered into large writes; flushed before the program could block on input, so
/// a script talking to `check --each` line by line still gets its answers.
struct BufferedOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    mutating func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 {
                    if written < 0, errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
