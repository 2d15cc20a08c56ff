import Foundation

/// Reads a file descriptor a line at a time without holding more than a chunk in memory,
/// so `check --each` and `import` stream through files of any size.
public struct LineReader: Sendable {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    /// Where the unread part of `pending` starts; consumed bytes are dropped once per read.
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var atEnd = false
    /// Number of the line last returned, from 1.
    public private(set) var lineNumber = 0

    /// Reads `descriptor` (standard input by default); the caller keeps it open and closes it.
    public init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    /// Reads `bytes` held in memory (a sample built into the binary).
    public init(bytes: [UInt8]) {
        descriptor = -1
        pending = bytes
        atEnd = true
    }

    /// The next line without its `\n` (or `\r\n`), or nil at the end of input. `beforeWait`
    /// runs whenever the reader is about to block on a read.
    public mutating func next(beforeWait: () -> Void = {}) -> ArraySlice<UInt8>? {
        while true {
            if let newline = pending[start...].firstIndex(of: 0x0A) {
                var line = pending[start..<newline]
                start = newline + 1
                if line.last == 0x0D { line = line.dropLast() }
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < pending.count else { return nil }
                defer { start = pending.count }
                lineNumber += 1
                return pending[start...]
            }
            pending.removeSubrange(..<start)
            start = 0
            beforeWait()
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.append(contentsOf: chunk[..<count])
            } else if count == 0 || errno != EINTR {
                atEnd = true
            }
        }
    }
}
