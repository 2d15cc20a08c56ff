import Foundation
import Testing
@testable import InboxModel

/// Lines of any length: kept up to the limit, counted and let go beyond it, and the
/// line after still read; a file and a pipe read the same.
@Suite struct LineReaderTests {
    /// `bytes` written to a pipe by another thread and read through its descriptor in
    /// the reader's 64 KiB chunks, as `import -` reads.
    static func lines(of bytes: [UInt8], maxLineBytes: Int) -> [LineReader.Line] {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return [] }
        let writeEnd = ends[1]
        let writer = Thread {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(ends[0]) }
        var reader = LineReader(descriptor: ends[0], maxLineBytes: maxLineBytes)
        var out: [LineReader.Line] = []
        while let line = reader.next() { out.append(line) }
        return out
    }

    static func text(_ line: LineReader.Line) -> String? {
        if case .text(let bytes) = line { String(decoding: bytes, as: UTF8.self) } else { nil }
    }

    @Test func aLineOverTheLimitIsCountedAndTheNextOneRead() {
        let long = [UInt8](repeating: 0x61, count: 300_000)
        let input = Array("eerste\n".utf8) + long + Array("\r\ntweede\r\nderde".utf8)
        for lines in [Self.lines(of: input, maxLineBytes: 100_000),
                      { var r = LineReader(bytes: input, maxLineBytes: 100_000); var o: [LineReader.Line] = []
                        while let l = r.next() { o.append(l) }; return o }()] {
            #expect(lines.count == 4)
            #expect(lines.map(Self.text) == ["eerste", nil, "tweede", "derde"])
            #expect(lines[1] == .tooLong(bytes: 300_000), "its bytes, without the line break")
        }
    }

    @Test func aLastLineOverTheLimitWithoutANewline() {
        let lines = Self.lines(of: Array("kort\n".utf8) + [UInt8](repeating: 0x62, count: 200_000), maxLineBytes: 65_536)
        #expect(lines.map(Self.text) == ["kort", nil] && lines[1] == .tooLong(bytes: 200_000))
    }

    @Test func linesUpToTheLimitAreKeptWhole() {
        let line = [UInt8](repeating: 0x63, count: 150_000)
        let lines = Self.lines(of: line + [0x0A] + line, maxLineBytes: 150_000)
        #expect(lines == [.text(line[...]), .text(line[...])])
    }

    @Test func lineNumbersCountTheTooLongOnes() {
        var reader = LineReader(bytes: Array("a\n".utf8) + [UInt8](repeating: 0x64, count: 20) + Array("\nb".utf8),
                                maxLineBytes: 10)
        _ = reader.next()
        _ = reader.next()
        #expect(reader.next() == .text(Array("b".utf8)[...]) && reader.lineNumber == 3)
    }
}
