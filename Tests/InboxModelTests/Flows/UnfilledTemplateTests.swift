import Foundation
import Testing
@testable import InboxModel

/// A template's blank ({answer}, {solution}, {position}) left in a reply never reaches
/// the customer: every flow refuses it and says which blank.
@Suite struct UnfilledTemplateTests {
    @Test func aQuestionAnsweredWithItsBlankIsRefused() {
        var flow = MentionFlow(context: .tweet)
        _ = flow.handle(.classify(.question), at: t(0))
        let blank = Reply(text: "Hi Sanne, {answer}. Any other question? ^Mir", channel: .twitter, moves: [.answer])
        guard case .refused(let refusal) = flow.handle(.send(blank), at: t(5)) else {
            Issue.record("a reply with {answer} in it was accepted")
            return
        }
        #expect(refusal.reason == "fill in {answer} first: the template leaves it to you")
        let filled = Reply(text: "Hi Sanne, the outage ended at 10:00. Any other question? ^Mir", channel: .twitter, moves: [.answer])
        guard case .accepted = flow.handle(.send(filled), at: t(6)) else {
            Issue.record("the filled-in reply was refused")
            return
        }
    }

    @Test(arguments: TemplateValues.names) func everyVariableIsABlank(name: String) {
        #expect(TemplateValues.unfilled(in: "Hoi {\(name)} en meer") == "{\(name)}")
        #expect(TemplateValues.unfilled(in: "Hoi \(name), {geen variabele}") == nil)
    }
}
