import Foundation

/// A line of text being typed, with the keys of readline and every shell: arrows,
/// Home/End, ^A ^E, Alt-b Alt-f (word back / forward), ^W (delete word back), Alt-d
/// (delete word forward), ^U (to start), ^K (to end), backspace and delete, and ^_ to
/// undo. Characters are grapheme clusters, so backspace takes a wide character or an
/// accented letter typed as two code points away whole.
struct LineEditor: Equatable, Sendable {
    private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    private(set) var cursor: Int
    /// Texts and cursors before each change, oldest first; ^_ goes back one.
    private var undoStack: [Snapshot] = []
    /// The character the last change typed, if it typed one: a word typed with the spaces
    /// after it is one change to undo, not one per letter.
    private var lastTyped: Character?

    private struct Snapshot: Equatable, Sendable {
        var characters: [Character]
        var cursor: Int
    }

    /// Changes kept for ^_; older ones are forgotten.
    static let undoDepth = 200

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

    /// Whether `key` is one of the Alt keys the editor takes (the others are Esc, then
    /// the key: see `AppState.handle`).
    static func takes(alt key: Character) -> Bool {
        "bfd".contains(key)
    }

    /// Applies `key`; false when it is not an editing key (the caller decides what it means).
    mutating func handle(_ key: Key) -> Bool {
        let before = Snapshot(characters: characters, cursor: cursor)
        var typed: Character?
        switch key {
        case .character(let c):
            characters.insert(c, at: cursor)
            cursor += 1
            typed = c
        case .left, .right, .home, .end, .control("A"), .control("E"), .alt("b"), .alt("f"):
            move(key)
            lastTyped = nil
            return true
        case .control("_"):
            undo()
            return true
        case .backspace, .control("H"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("D"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("U"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("K"):
            characters.removeSubrange(cursor...)
        case .control("W"):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .alt("d"):
            characters.removeSubrange(cursor..<wordEnd(after: cursor))
        default:
            return false
        }
        if before.characters != characters, !Self.continuesWord(typed, after: lastTyped) {
            undoStack.append(before)
            if undoStack.count > Self.undoDepth { undoStack.removeFirst() }
        }
        lastTyped = typed
        return true
    }

    private mutating func move(_ key: Key) {
        switch key {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("A"): cursor = 0
        case .alt("b"): cursor = wordStart(before: cursor)
        case .alt("f"): cursor = wordEnd(after: cursor)
        default: cursor = characters.count
        }
    }

    /// Whether typing `character` after `previous` is part of the same change: a word and
    /// the spaces after it are; the first letter after a space starts the next.
    private static func continuesWord(_ character: Character?, after previous: Character?) -> Bool {
        guard let character, let previous else { return false }
        return !(previous.isWhitespace && !character.isWhitespace)
    }

    /// Back to the text before the last change, or the last word typed.
    private mutating func undo() {
        lastTyped = nil
        guard let last = undoStack.popLast() else { return }
        characters = last.characters
        cursor = last.cursor
    }

    /// Where the word before `index` starts (spaces before it skipped), as ^W and Alt-b
    /// see words: runs of anything but white space.
    private func wordStart(before index: Int) -> Int {
        var start = index
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        return start
    }

    /// Where the word after `index` ends (spaces before it skipped), for Alt-f and Alt-d.
    private func wordEnd(after index: Int) -> Int {
        var end = index
        while end < characters.count, characters[end].isWhitespace { end += 1 }
        while end < characters.count, !characters[end].isWhitespace { end += 1 }
        return end
    }

    /// Replaces the whole text (from $EDITOR), cursor at the end; ^_ brings back what
    /// was there.
    mutating func replace(with text: String) {
        undoStack.append(Snapshot(characters: characters, cursor: cursor))
        characters = Array(text)
        cursor = characters.count
        lastTyped = nil
    }
}
