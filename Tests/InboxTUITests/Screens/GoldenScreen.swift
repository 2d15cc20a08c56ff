import Foundation
import Testing
@testable import InboxTUI

/// Golden screens: the rendered screen (text, then the role of every cell) compared
/// with a file in Golden/. Set WEBCARE_RECORD_GOLDEN=1 to write the files anew; a
/// recording run fails on purpose, so a re-record is never mistaken for a pass.
enum GoldenScreen {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// One letter per role, so a highlight or colour change shows in the diff.
    private static let roleLetters = Array("nTHSsodOgcDwetxul")

    static func file(_ screen: Screen) -> String {
        let roles = (0..<screen.height).map { row in
            String((0..<screen.width).map { roleLetters[Int(screen[row, $0].role.rawValue)] })
        }
        let cursor = screen.cursor.map { "cursor \($0.row),\($0.column)" } ?? "cursor hidden"
        return screen.text + "\n--- roles\n" + roles.joined(separator: "\n") + "\n--- " + cursor + "\n"
    }

    static func check(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent("\(name)-\(screen.width)x\(screen.height).txt")
        let actual = file(screen)
        if ProcessInfo.processInfo.environment["WEBCARE_RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(url.lastPathComponent); run again without WEBCARE_RECORD_GOLDEN",
                         sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.lastPathComponent); record with WEBCARE_RECORD_GOLDEN=1",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("""
                \(url.lastPathComponent) differs at line \((first?.offset ?? min(expectedLines.count, actualLines.count)) + 1):
                expected: \(first.map { String($0.element.0) } ?? "")
                actual:   \(first.map { String($0.element.1) } ?? "")
                \(actual)
                """, sourceLocation: sourceLocation)
        }
    }
}
