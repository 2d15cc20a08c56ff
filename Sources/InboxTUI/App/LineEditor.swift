import Foundation

/// A line of text being typed, with the keys of readline and every shell: arrows,
/// Home/End, ^A ^E, ^W (word back), ^U (to start), ^K (to end), backspace and delete.
/// Characters are grapheme clusters, so backspace takes a wide character or an
/// accented letter typed as two code points away whole.
struct LineEditor: Equatable, Sendable {
    private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    private(set) var cursor: Int

    init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// `text` with the cursor before its last ` ^`: a template ends in the agent's
    /// signature, and the agent writes before it.
    init(beforeSignature text: String) {
        self.init(text)
        if let signature = text.range(of: " ^", options: .backwards) {
            cursor = text.distance(from: text.startIndex, to: signature.lowerBound)
        }
    }

    var text: String { String(characters) }
    var isAtEnd: Bool { cursor == characters.count }

    /// Applies `key`; false when it is not an editing key (the caller decides what it means).
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): characters.insert(c, at: cursor); cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("A"): cursor = 0
        case .end, .control("E"): cursor = characters.count
        case .backspace, .control("H"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("D"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .control("U"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("K"):
            characters.removeSubrange(cursor...)
        case .control("W"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Replaces the whole text (from $EDITOR), cursor at the end.
    mutating func replace(with text: String) {
        self = LineEditor(text)
    }
}
