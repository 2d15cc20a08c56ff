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

    @Test("news from the store stays on screen while the agent types; a plain answer goes with the next key")
    func noticesStayWhileTyping() throws {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.enter, .character("c"), .enter, .character("r"))
        fixture.send(.notice("the connection to inbox on db1 dropped and was made again; nothing was lost"))
        fixture.type("Hoi")
        #expect(fixture.state.message?.text.hasPrefix("the connection to inbox on db1 dropped") == true)
        #expect(fixture.screen.text.contains("dropped and was made again"))
        fixture.state.say("^R again: back to the other text")
        fixture.type("x")
        #expect(fixture.state.message == nil, "a hint is gone once the agent types")
    }

    @Test func aLineWithoutSignatureKeepsTheCursorAtTheEnd() {
        #expect(LineEditor(beforeSignature: "Hoi Sanne").cursor == 9)
        #expect(LineEditor(beforeSignature: "Hoi ^Lotte, ja ^Mirjam").cursor == 14)
    }
}

/// A draft belongs to the step it was written at.
@Suite struct DraftStepTests {
    /// A Dutch complaint classified, with "half af" left as a draft at reply #1 (the
    /// database's change is told to the app, as its watcher would).
    static func draftAtReplyOne() throws -> ScreenFixture {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.character("l"))
        fixture.type("kind:complaint storing")
        fixture.press(.enter, .enter, .character("c"), .enter, .character("r"), .control("U"), .control("K"))
        fixture.type("half af")
        fixture.press(.escape)
        fixture.send(.databaseChanged)
        return fixture
    }

    @Test func aDraftFromAnEarlierStepGivesWayToThisStepsTemplateAndIsOneKeyAway() throws {
        let fixture = try Self.draftAtReplyOne()
        // The step moves on (here: the e-mail route), the draft stays behind.
        let number = try #require(fixture.state.mention?.number)
        let seen = try #require(fixture.state.mention?.detail?.stored.lastSeq)
        try fixture.inbox.append(.takeEmailRoute, to: number, seenSeq: seen, at: fixture.now)
        fixture.send(.databaseChanged)
        fixture.press(.character("r"))
        let composer = try #require(fixture.state.mention?.composer)
        #expect(composer.editor.text.contains("e-mailadres"))
        #expect(composer.earlierDraft == "half af")
        fixture.press(.control("R"))
        #expect(fixture.state.mention?.composer?.editor.text == "half af")
        fixture.press(.control("R"))
        #expect(fixture.state.mention?.composer?.editor.text.contains("e-mailadres") == true)
    }

    @Test func aDraftForThisStepOpensAsItWasLeft() throws {
        let fixture = try Self.draftAtReplyOne()
        fixture.press(.character("r"))
        #expect(fixture.state.mention?.composer?.editor.text == "half af")
        #expect(fixture.state.mention?.composer?.earlierDraft == nil)
    }
}

/// One key switches the template between nl-je, nl-u and en for this reply.
@Suite struct ComposerStyleTests {
    @Test func controlTCyclesTheStylesAndControlRBringsBackTheText() throws {
        let fixture = try DraftStepTests.draftAtReplyOne()
        // Reopened on its own draft: ^T replaces it with the template in the next style.
        fixture.press(.character("r"))
        #expect(fixture.state.mention?.composer?.editor.text == "half af")
        fixture.press(.control("T"))
        var text = try #require(fixture.state.mention?.composer?.editor.text)
        #expect(text.hasPrefix("Hallo ") && text.contains(" u "))
        fixture.press(.control("T"))
        text = try #require(fixture.state.mention?.composer?.editor.text)
        #expect(text.hasPrefix("Hi ") && text.contains("looking into it"))
        fixture.press(.control("T"))
        #expect(fixture.state.mention?.composer?.editor.text.hasPrefix("Hoi ") == true)
        fixture.press(.control("R"))
        #expect(fixture.state.mention?.composer?.editor.text.hasPrefix("Hi ") == true)
    }
}

/// Keys in the composer that are not plain editing.
@Suite struct ComposerKeyTests {
    static func composing() throws -> ScreenFixture {
        let fixture = try ScreenFixture(width: 100, height: 30)
        fixture.press(.enter, .character("c"), .enter, .character("r"))
        return fixture
    }

    @Test func controlEOnlyMovesToTheEndAndControlXOpensTheEditor() throws {
        let fixture = try Self.composing()
        fixture.press(.control("E"))
        fixture.press(.control("E"))
        #expect(fixture.effects.isEmpty, "^E twice stays in the composer")
        #expect(fixture.state.mention?.composer?.editor.cursor == fixture.state.mention?.composer?.editor.characters.count)
        fixture.press(.control("X"))
        guard case .editExternally? = fixture.effects.first else {
            Issue.record("^X opens $EDITOR, got \(fixture.effects)")
            return
        }
    }

    @Test func anAltKeyTheComposerDoesNotTakeIsEscapeThenTheKey() throws {
        let fixture = try Self.composing()
        fixture.press(.alt("q"))
        #expect(fixture.state.mention?.composer == nil, "Esc closed the composer (draft kept)")
        #expect(fixture.state.mention == nil, "q went back to the queue")
    }

    @Test func altBMovesInTheComposer() throws {
        let fixture = try Self.composing()
        let before = try #require(fixture.state.mention?.composer?.editor.cursor)
        fixture.press(.alt("b"))
        let after = try #require(fixture.state.mention?.composer?.editor.cursor)
        #expect(after < before && fixture.state.mention?.composer != nil)
    }
}
