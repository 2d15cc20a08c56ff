import Foundation
import Testing
@testable import InboxModel

/// The checklist ticks the steps a case went through, not every step before the current one.
@Suite struct StepsReachedTests {
    @Test func aBranchNotTakenIsNotReached() {
        let log: [(event: FlowEvent, at: Date)] = [
            (.classify(.complaint), t(0)), (.send(reply(.complaintFirst)), t(60)),
            (.investigated(solution: "the fault in your street was fixed at 14:00"), t(120)),
            (.send(reply(.complaintSecond)), t(180)), (.authorWrote("Werkt weer"), t(240)),
        ]
        let reached = MentionFlow.stepsReached(log, context: .tweet)
        #expect(Set(reached.map(\.code)) == ["triage", "complaint/acknowledge", "complaint/investigating",
                                             "complaint/solution", "complaint/awaiting-confirmation",
                                             "complaint/review-answer"])
        #expect(!reached.contains(.at(.complaint, "by-email")))
    }

    @Test func aRefusedEventReachesNothing() {
        let reached = MentionFlow.stepsReached([(.classify(.complaint), t(0)), (.emailHandled, t(60))], context: .tweet)
        #expect(reached == [.triage, .at(.complaint, "acknowledge")])
    }

    @Test func stepCodesReadBack() {
        for code in ["triage", "closed", "complaint/investigating", "allegation/motive-heard"] {
            #expect(FlowStep(code: code)?.code == code)
        }
        #expect(FlowStep(code: "complaint/investigating")?.name == "investigating")
        for bad in ["", "joined", "complaint", "complaint/", "nonsense/step", "complaint/a/b", "/x"] {
            #expect(FlowStep(code: bad) == nil, "\(bad)")
        }
    }
}
