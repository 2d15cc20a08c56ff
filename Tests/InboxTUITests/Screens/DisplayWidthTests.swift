import Testing
@testable import InboxTUI

/// Emoji sequences are drawn in parts that ncurses (a cell is as wide as its first
/// character's wcwidth), tmux (the parts added up) and newer terminals size alike.
@Suite("Display width: emoji sequences drawn in parts every terminal sizes alike")
struct DisplayWidthTests {
    static func cells(_ character: Character) -> [String] {
        DisplayWidth.cells(of: character).map { "\($0.text)/\($0.width)" }
    }

    @Test("one cell, as it was: plain letters, accents, wide and emoji-presentation characters")
    func singleCells() {
        #expect(Self.cells("a") == ["a/1"])
        #expect(Self.cells("e\u{301}") == ["e\u{301}/1"])
        #expect(Self.cells("中") == ["中/2"])
        #expect(Self.cells("😀") == ["😀/2"])
        #expect(Self.cells("👍\u{FE0F}") == ["👍\u{FE0F}/2"])
    }

    @Test("a presentation selector after a narrow character is not drawn: ☀️ ❤️ © take one column")
    func narrowBaseLosesTheSelector() {
        #expect(Self.cells("\u{2600}\u{FE0F}") == ["\u{2600}/1"])
        #expect(Self.cells("\u{2764}\u{FE0F}") == ["\u{2764}/1"])
        #expect(Self.cells("\u{A9}\u{FE0F}") == ["\u{A9}/1"])
        #expect(Self.cells("1\u{FE0F}\u{20E3}") == ["1\u{20E3}/1"])
        #expect(DisplayWidth.of("\u{2600}\u{FE0F}") == 1)
    }

    @Test("skin tones are left out, joined emoji drawn one by one, a flag as its two letters")
    func sequencesInParts() {
        #expect(Self.cells("👍🏽") == ["👍/2"])
        #expect(Self.cells("👨\u{200D}👩\u{200D}👧") == ["👨/2", "👩/2", "👧/2"])
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧") == 6)
        #expect(Self.cells("🇳🇱") == ["🇳/1", "🇱/1"])
        #expect(Self.cells("\u{2764}\u{FE0F}\u{200D}🔥") == ["\u{2764}/1", "🔥/2"])
        #expect(Self.cells("🏽") == ["🏽/2"])
    }

    @Test("the screen reserves exactly the columns it draws: text after a sequence lands where it was measured")
    func screenMatchesWidth() {
        let text = "a☀️b👍🏽c🇳🇱d👨\u{200D}👩\u{200D}👧e"
        var screen = Screen(width: 40, height: 1)
        let end = screen.put(text, row: 0, column: 0)
        #expect(end == DisplayWidth.of(text))
        #expect(end == 1 + 1 + 1 + 2 + 1 + 2 + 1 + 6 + 1)
        #expect(screen.text(row: 0).hasPrefix("a☀b👍c🇳🇱d👨👩👧e"))
    }
}
