import Foundation
import InboxModel
import Testing
@testable import InboxTUI

/// Every view at 80x24 and 132x40 against its golden file: the queue, a mention with
/// its flow and thread, the allegation countdown, the composer with an overflow and
/// its split, the menus, help, positions, hostile and CJK/emoji text, and too small.
@Suite struct GoldenScreenTests {
    static let sizes = [(80, 24), (132, 40)]

    @Test(arguments: sizes) func queue(width: Int, height: Int) throws {
        let fixture = try ScreenFixture(width: width, height: height)
        fixture.press(.character("t"), .character("t"))
        GoldenScreen.check(fixture.screen, named: "queue")
        fixture.press(.character("G"))
        GoldenScreen.check(fixture.screen, named: "queue-end")
    }

    @Test(arguments: sizes) func allegationWithCountdown(width: Int, height: Int) throws {
        let fixture = try ScreenFixture(width: width, height: height)
        fixture.press(.enter, .character("c"), .character("a"))
        fixture.wait(3)
        GoldenScreen.check(fixture.screen, named: "allegation-countdown")
        fixture.press(.character("s"))
        GoldenScreen.check(fixture.screen, named: "allegation-no-step")
    }

    @Test(arguments: sizes) func composerOverflowAndSplit(width: Int, height: Int) throws {
        let fixture = try ScreenFixture(width: width, height: height)
        fixture.press(.character("l"))
        fixture.type("kind:complaint")
        fixture.press(.enter, .enter, .character("c"), .character("c"), .character("r"))
        GoldenScreen.check(fixture.screen, named: "composer-template")
        fixture.type(" En verder: de storing in Utrecht-Oost duurt langer dan gedacht, monteurs zijn onderweg.")
        GoldenScreen.check(fixture.screen, named: "composer-overflow")
        fixture.press(.enter)
        GoldenScreen.check(fixture.screen, named: "composer-refused")
    }

    @Test(arguments: sizes) func hostileAndWideText(width: Int, height: Int) throws {
        let fixture = try ScreenFixture(width: width, height: height)
        fixture.press(.character("l"))
        fixture.type("all hostile")
        fixture.press(.enter)
        GoldenScreen.check(fixture.screen, named: "hostile-queue")
        fixture.press(.character("l"), .control("U"))
        fixture.type("all hostile hacked")
        fixture.press(.enter, .enter)
        GoldenScreen.check(fixture.screen, named: "hostile-mention")
        fixture.press(.character("q"), .character("l"), .control("U"))
        fixture.type("yuki")
        fixture.press(.enter, .enter)
        GoldenScreen.check(fixture.screen, named: "cjk-mention")
    }

    @Test(arguments: sizes) func helpMenuAndPositions(width: Int, height: Int) throws {
        let fixture = try ScreenFixture(width: width, height: height)
        fixture.press(.character("?"))
        GoldenScreen.check(fixture.screen, named: "help-queue")
        fixture.press(.character("q"), .character("c"))
        GoldenScreen.check(fixture.screen, named: "menu-classify")
        fixture.press(.escape, .character("P"), .character("n"))
        fixture.type("klantdata")
        fixture.press(.enter)
        fixture.type("Wij verkopen geen klantgegevens, aan niemand, ook niet aan adverteerders.")
        fixture.press(.enter)
        fixture.type("Wij verkopen geen klantgegevens.")
        fixture.press(.enter)
        GoldenScreen.check(fixture.screen, named: "positions")
    }

    /// The smallest screen webcare draws: the header keeps the overdue count and every
    /// queue row keeps some of the mention's text.
    @Test func smallestQueue() throws {
        let fixture = try ScreenFixture(width: AppState.minimumWidth, height: AppState.minimumHeight)
        fixture.wait(60 * 60)
        GoldenScreen.check(fixture.screen, named: "queue-smallest")
        let rows = (1...(AppState.minimumHeight - 3)).map { fixture.screen.text(row: $0).trimmingCharacters(in: .whitespaces) }
        #expect(rows.allSatisfy { $0.count >= 45 }, "rows without text: \(rows)")
        #expect(fixture.screen.text(row: 0).contains("! overdue"))
    }

    /// A message too long for its line ends in "… (M)"; M shows it whole, wrapped.
    @Test func longMessagesAreReadInFull() throws {
        let fixture = try ScreenFixture(width: 80, height: 24)
        fixture.press(.character("l"))
        fixture.type("kind:nonsense and a long tail of words that will not fit on one line of eighty columns")
        fixture.press(.enter)
        let bottom = fixture.screen.text(row: 23)
        #expect(bottom.hasSuffix("… (M)"), "\(bottom)")
        fixture.press(.character("M"))
        GoldenScreen.check(fixture.screen, named: "messages")
    }

    @Test func tooSmall() throws {
        let fixture = try ScreenFixture(width: 80, height: 24)
        fixture.send(.resize(width: 50, height: 12))
        GoldenScreen.check(fixture.screen, named: "too-small")
        fixture.send(.resize(width: 80, height: 24))
        #expect(fixture.screen.text(row: 0).hasPrefix(" webcare  alle 11 · comp 17"))
    }

    /// Without UTF-8 every cell is ASCII, borders and glyphs included.
    @Test func asciiWithoutUTF8() throws {
        let fixture = try ScreenFixture(width: 80, height: 24)
        fixture.state.settings.ascii = true
        fixture.press(.character("l"))
        fixture.type("yuki")
        fixture.press(.enter)
        let screen = fixture.screen
        #expect(screen.text.unicodeScalars.allSatisfy { $0.isASCII })
        GoldenScreen.check(screen, named: "ascii-queue")
    }
}
