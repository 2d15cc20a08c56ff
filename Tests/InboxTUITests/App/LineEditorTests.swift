import Testing
@testable import InboxTUI

/// The composer's and prompts' editing keys, as readline has them.
@Suite struct LineEditorTests {
    private func editor(_ text: String, cursor: Int) -> LineEditor {
        var editor = LineEditor(text)
        for _ in 0..<(text.count - cursor) { _ = editor.handle(.left) }
        return editor
    }

    @Test func altBAndAltFMoveByWord() {
        var line = LineEditor("wat  vervelend, Sanne")
        #expect(line.handle(.alt("b")) && line.cursor == 16)
        _ = line.handle(.alt("b"))
        #expect(line.cursor == 5)
        _ = line.handle(.alt("b"))
        _ = line.handle(.alt("b"))
        #expect(line.cursor == 0)
        _ = line.handle(.alt("f"))
        #expect(line.cursor == 3)
        _ = line.handle(.alt("f"))
        #expect(line.cursor == 15)
        _ = line.handle(.alt("f"))
        _ = line.handle(.alt("f"))
        #expect(line.cursor == 21)
        #expect(line.text == "wat  vervelend, Sanne")
    }

    @Test func altDDeletesTheWordAfterTheCursor() {
        var line = editor("dat is heel vervelend", cursor: 6)
        _ = line.handle(.alt("d"))
        #expect(line.text == "dat is vervelend" && line.cursor == 6)
    }

    @Test func undoTakesBackAWordTypedAsOneChange() {
        var line = LineEditor("Hoi ")
        for c in "Sanne, sorry" { _ = line.handle(.character(c)) }
        _ = line.handle(.control("_"))
        #expect(line.text == "Hoi Sanne, ", "the last word")
        _ = line.handle(.control("_"))
        #expect(line.text == "Hoi ", "a word with the space after it")
        _ = line.handle(.control("_"))
        #expect(line.text == "Hoi ", "nothing before the first change")
    }

    @Test func undoBringsBackWhatWasDeletedWithTheCursorWhereItWas() {
        var line = editor("we zoeken het uit ^mirjam", cursor: 17)
        _ = line.handle(.control("U"))
        #expect(line.text == " ^mirjam")
        _ = line.handle(.control("_"))
        #expect(line.text == "we zoeken het uit ^mirjam" && line.cursor == 17)
        _ = line.handle(.control("W"))
        _ = line.handle(.backspace)
        _ = line.handle(.control("_"))
        _ = line.handle(.control("_"))
        #expect(line.text == "we zoeken het uit ^mirjam" && line.cursor == 17)
    }

    @Test func movingIsNoChangeToUndo() {
        var line = LineEditor("ab")
        _ = line.handle(.character("c"))
        _ = line.handle(.home)
        _ = line.handle(.control("E"))
        _ = line.handle(.control("_"))
        #expect(line.text == "ab")
    }

    @Test func textFromTheEditorCanBeUndone() {
        var line = LineEditor("kort")
        line.replace(with: "lang antwoord uit $EDITOR")
        _ = line.handle(.control("_"))
        #expect(line.text == "kort")
    }

    @Test func onlyWordKeysAreTakenWithAlt() {
        #expect(LineEditor.takes(alt: "b") && LineEditor.takes(alt: "f") && LineEditor.takes(alt: "d"))
        #expect(!LineEditor.takes(alt: "q"))
        var line = LineEditor("x")
        #expect(!line.handle(.alt("q")) && line.text == "x")
    }

    @Test func keyNamesForAltAndUndoReadBack() {
        #expect(Key(name: "<Alt-b>") == .alt("b"))
        #expect(Key(name: "<M-f>") == .alt("f"))
        #expect(Key(name: "^_") == .control("_"))
        #expect(Key.alt("b").name == "<Alt-b>")
        #expect(Key(name: "<Alt-bb>") == nil && Key(name: "<Alt->") == nil)
    }
}
