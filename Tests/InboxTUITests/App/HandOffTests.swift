import Foundation
import InboxModel
import InboxStore
import Testing
@testable import InboxTUI

/// Hand-off offers the team's departments; a name typed under "other" that is not one
/// of them is asked about once (a typo would send the case where nobody looks), and a
/// listed one typed in another case takes the listed spelling.
@Suite struct HandOffTests {
    func openQuestion(_ fixture: ScreenFixture) throws -> Int64 {
        let number = try #require(fixture.state.queue.selected).number
        fixture.press(.enter, .character("c"), .character("q"))
        return number
    }

    @Test func aListedDepartmentIsOneKey() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        let number = try openQuestion(fixture)
        fixture.press(.character("h"), .character("2"))
        #expect(try fixture.inbox.history(of: number).last?.event == .handOff(department: "Techniek"))
    }

    @Test func aTypedNameTakesTheListedSpelling() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        let number = try openQuestion(fixture)
        fixture.press(.character("h"), .character("o"))
        fixture.type("juridisch")
        fixture.press(.enter)
        #expect(try fixture.inbox.history(of: number).last?.event == .handOff(department: "Juridisch"))
    }

    @Test func aNewNameIsConfirmedOnce() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        let number = try openQuestion(fixture)
        fixture.press(.character("h"), .character("o"))
        fixture.type("Tecniek")
        fixture.press(.enter)
        guard case .confirm(let confirm)? = fixture.state.overlay else {
            Issue.record("a new department name was not asked about")
            return
        }
        #expect(confirm.question.hasPrefix("'Tecniek' is not one of the team's departments (Klantenservice, Techniek"))
        fixture.press(.character("n"))
        #expect(fixture.state.message?.text == "not handed off")
        #expect(try fixture.inbox.history(of: number).last?.event == .classify(.question))
        fixture.press(.character("h"), .character("o"))
        fixture.type("Facturatie")
        fixture.press(.enter, .character("y"))
        #expect(try fixture.inbox.history(of: number).last?.event == .handOff(department: "Facturatie"))
    }

    /// "with Klantenservice" does not fit the status column: the department is named whole.
    @Test(arguments: [(100, "Klantenservice"), (80, "Klantenserv")]) func theQueueNamesTheDepartment(width: Int, shown: String) throws {
        let fixture = try ScreenFixture(width: width, height: 30)
        let number = try openQuestion(fixture)
        fixture.press(.character("h"), .character("1"), .character("q"))
        fixture.send(.databaseChanged)
        let row = try #require((0..<fixture.state.height).map { fixture.screen.text(row: $0) }
            .first { $0.contains("#\(number)") || $0.contains(fixture.state.queue.selected?.mention.author.handle ?? "-") })
        #expect(row.contains(" \(shown)"), "\(row)")
        #expect(!row.contains("with Klantenserv"))
    }
}
