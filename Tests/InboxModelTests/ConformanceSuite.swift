import Foundation
import Testing
import Yams

/// twitter-text's conformance files, copied into this test target with their LICENSE
/// (see Conformance/PROVENANCE.md), so a clone tests without anything outside the project.
enum ConformanceSuite {
    struct Case: Sendable, CustomTestStringConvertible {
        let section: String
        let description: String
        let text: String
        let expected: Expected
        var testDescription: String { "\(section): \(description)" }
    }

    enum Expected: Sendable {
        case bool(Bool)
        case int(Int)
        case strings([String])
        case urlsWithIndices([(url: String, start: Int, end: Int)])
        case parseResult([String: Int])
    }

    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Conformance/\(name)", withExtension: nil)!
    }

    /// The cases of `section` in `file` (a file under Conformance/).
    static func cases(_ file: String, _ section: String) -> [Case] {
        do {
            let yaml = try String(contentsOf: url(file), encoding: .utf8)
            guard let root = try Yams.load(yaml: yaml) as? [String: Any],
                  let tests = root["tests"] as? [String: Any],
                  let list = tests[section] as? [[String: Any]] else {
                fatalError("\(file): no section \(section)")
            }
            return list.map { entry in
                Case(section: section, description: entry["description"] as? String ?? "?",
                     text: entry["text"] as? String ?? "", expected: expected(entry["expected"]))
            }
        } catch {
            fatalError("\(file): \(error)")
        }
    }

    private static func expected(_ value: Any?) -> Expected {
        switch value {
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .int(int)
        case let strings as [String]: return .strings(strings)
        case let fields as [String: Any]:
            return .parseResult(fields.compactMapValues { value -> Int? in
                if let bool = value as? Bool { return bool ? 1 : 0 }
                return value as? Int
            })
        case let entries as [[String: Any]]:
            return .urlsWithIndices(entries.map { entry in
                let indices = entry["indices"] as? [Int] ?? [-1, -1]
                return (entry["url"] as? String ?? "", indices[0], indices[1])
            })
        case nil: return .strings([])
        default: fatalError("unexpected expectation \(String(describing: value))")
        }
    }
}
