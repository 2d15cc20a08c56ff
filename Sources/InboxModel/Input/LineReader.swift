import Foundation

/// Reads a file descriptor a line at a time without holding more than a chunk and one
/// line in memory, so `check --each` and `import` stream through files of any size.
///
/// Each byte is looked at once: the search for the end of a line goes on where the last
/// read left it (searching the whole line again after every chunk took 28 s for a line of
/// 100 MB). A line longer than `maxLineBytes` is not kept: it is read to its end and
/// answered as `.tooLong` with its size, and the line after it is read as usual.
public struct LineReader: Sendable {
    /// A line without its `\n` (or `\r\n`), or the size of one too long to hold.
    public enum Line: Equatable, Sendable {
        case text(ArraySlice<UInt8>)
        case tooLong(bytes: Int)
    }

    /// The longest line kept: no record a platform sends comes near it.
    public static let defaultMaxLineBytes = 1 << 20

    private let descriptor: Int32
    private let maxLineBytes: Int
    private var pending: [UInt8] = []
    /// Where the unread part of `pending` starts; consumed bytes are dropped once per read.
    private var start = 0
    /// How far past `start` the search for a newline has already looked.
    private var searched = 0
    /// Bytes of an over-long line dropped so far, while reading on to its end.
    private var dropped: Int?
    /// The last byte let go: a `\r` there belongs to the line break, not the line.
    private var droppedLast: UInt8?
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var atEnd = false
    /// Number of the line last returned, from 1.
    public private(set) var lineNumber = 0

    /// Reads `descriptor` (standard input by default); the caller keeps it open and closes it.
    public init(descriptor: Int32 = 0, maxLineBytes: Int = defaultMaxLineBytes) {
        self.descriptor = descriptor
        self.maxLineBytes = maxLineBytes
    }

    /// Reads `bytes` held in memory (a sample built into the binary).
    public init(bytes: [UInt8], maxLineBytes: Int = defaultMaxLineBytes) {
        descriptor = -1
        self.maxLineBytes = maxLineBytes
        pending = bytes
        atEnd = true
    }

    /// The next line, or nil at the end of input. `beforeWait` runs whenever the reader
    /// is about to block on a read.
    public mutating func next(beforeWait: () -> Void = {}) -> Line? {
        while true {
            if let newline = pending[(start + searched)...].firstIndex(of: 0x0A) {
                var line = pending[start..<newline]
                start = newline + 1
                searched = 0
                lineNumber += 1
                let crlf = line.last == 0x0D || (line.isEmpty && droppedLast == 0x0D)
                if let bytes = dropped {
                    dropped = nil
                    return .tooLong(bytes: bytes + line.count - (crlf ? 1 : 0))
                }
                if crlf { line = line.dropLast() }
                return line.count > maxLineBytes ? .tooLong(bytes: line.count) : .text(line)
            }
            searched = pending.count - start
            if atEnd {
                guard start < pending.count || dropped != nil else { return nil }
                let line = pending[start...]
                start = pending.count
                searched = 0
                lineNumber += 1
                if let bytes = dropped {
                    dropped = nil
                    return .tooLong(bytes: bytes + line.count)
                }
                return line.count > maxLineBytes ? .tooLong(bytes: line.count) : .text(line)
            }
            if searched > maxLineBytes {
                // Too long to be a record: count it and let its bytes go.
                dropped = (dropped ?? 0) + searched
                droppedLast = pending.last
                start = pending.count
                searched = 0
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
