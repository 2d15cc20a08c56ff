import Foundation
import InboxModel
import Testing
@testable import InboxTUI

/// Where the composer opens: on the step's template with the cursor where the agent
/// writes (before the signature), or on their saved draft where they left off.
@Suite struct ComposerOpeningTests {
    @Test func theCursorStartsBeforeTheSignature() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.enter)
        fixture.press(.character("c"))
        fixture.press(.enter)
        fixture.press(.character("r"))
        let editor = try #require(fixture.state.mention?.composer?.editor)
        let signature = try #require(editor.text.range(of: " ^", options: .backwards))
        #expect(editor.cursor == editor.text.distance(from: editor.text.startIndex, to: signature.lowerBound))
        fixture.press(.character("!"))
        #expect(fixture.state.mention?.composer?.editor.text.hasSuffix("! ^mirjam") == true)
    }

    @Test func aLineWithoutSignatureKeepsTheCursorAtTheEnd() {
        #expect(LineEditor(beforeSignature: "Hoi Sanne").cursor == 9)
        #expect(LineEditor(beforeSignature: "Hoi ^Lotte, ja ^Mirjam").cursor == 14)
    }
}
