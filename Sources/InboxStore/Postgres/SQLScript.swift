import Foundation

/// A script of SQL statements split into single statements, as psql splits a file:
/// postgres-nio speaks only the extended protocol, which takes one statement at a time.
/// Semicolons inside quotes, quoted identifiers, dollar-quoted bodies (`$$ … $$`,
/// `$fn$ … $fn$`) and `--` comments do not split.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var characters = Substring(script)
        while let character = characters.first {
            switch character {
            case "'", "\"":
                let end = characters.dropFirst().firstIndex(of: character) ?? characters.endIndex
                let through = end == characters.endIndex ? end : characters.index(after: end)
                current += characters[..<through]
                characters = characters[through...]
            case "-" where characters.hasPrefix("--"):
                let end = characters.firstIndex(of: "\n") ?? characters.endIndex
                characters = characters[end...]
            case "$":
                let tagEnd = characters.dropFirst().firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") }
                if let tagEnd, characters[tagEnd] == "$" {
                    let tag = characters[...tagEnd]
                    let body = characters[characters.index(after: tagEnd)...]
                    let close = body.range(of: tag)?.upperBound ?? characters.endIndex
                    current += characters[..<close]
                    characters = characters[close...]
                } else {
                    current.append(character)
                    characters = characters.dropFirst()
                }
            case ";":
                statements.append(current)
                current = ""
                characters = characters.dropFirst()
            default:
                current.append(character)
                characters = characters.dropFirst()
            }
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
