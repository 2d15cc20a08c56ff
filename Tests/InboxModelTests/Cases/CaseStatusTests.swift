import Foundation
import Testing
@testable import InboxModel

/// Whose turn it is, from the flow: the status the queue shows for a case.
@Suite struct CaseStatusTests {
    func flow(_ events: [FlowEvent]) -> MentionFlow {
        var flow = MentionFlow(context: .tweet)
        for (index, event) in events.enumerated() {
            if let refusal = flow.handle(event, at: t(60 * index)).refusal { Issue.record("\(event.name): \(refusal)") }
        }
        return flow
    }

    @Test func nothingSentIsNewEvenWhenTheCustomerWroteAgain() {
        #expect(CaseStatus(flow([])) == .new)
        #expect(CaseStatus(flow([.authorWrote("en nu?")])) == .new)
        #expect(CaseStatus(flow([.classify(.complaint)])) == .new)
    }

    @Test func aReplyThatAsksNothingLeavesTheTurnWithUs() {
        #expect(CaseStatus(flow([.classify(.complaint), .send(reply(.complaintFirst))])) == .inProgress)
    }

    @Test func theCustomerWritingAfterOurReplyIsCustomerReplied() {
        let answered = flow([.classify(.complaint), .send(reply(.complaintFirst)), .authorWrote("dag 4!")])
        #expect(CaseStatus(answered) == .customerReplied)
        #expect(answered.turns == MentionFlow.Turns(repliesSent: 1, customerWroteSinceReply: true))
    }

    @Test func aReplyThatAsksSomethingWaitsForTheCustomer() {
        let asked = flow([.classify(.complaint), .send(reply(.complaintFirst)),
                          .investigated(solution: "the fault in your street was fixed at 14:00"),
                          .send(reply(.complaintSecond))])
        #expect(CaseStatus(asked) == .waitingForCustomer)
        #expect(asked.turns == MentionFlow.Turns(repliesSent: 2, customerWroteSinceReply: false))
    }

    @Test func aHandOffShowsTheDepartmentUntilItAnswers() {
        #expect(CaseStatus(flow([.classify(.question), .handOff(department: "Legal")])) == .withDepartment("Legal"))
        #expect(CaseStatus(flow([.classify(.question), .handOff(department: "Legal"),
                                 .departmentAnswered(department: "Legal", answer: legalAnswer)])) == .new)
    }

    @Test func closedIsClosed() {
        #expect(CaseStatus(flow([.dismiss(.spam, note: "")])) == .closed)
    }

    @Test func codesReadBack() {
        for status in [CaseStatus.new, .customerReplied, .waitingForCustomer, .withDepartment("Legal"), .inProgress,
                       .closed] {
            #expect(CaseStatus(code: status.code, department: status.department) == status)
        }
        #expect(CaseStatus(code: "bogus", department: nil) == nil)
    }

    @Test func aSavedDraftShowsOnlyWhenTheTurnIsOurs() {
        #expect(CaseStatus.new.label(draftSaved: true) == "draft saved")
        #expect(CaseStatus.inProgress.label(draftSaved: true) == "draft saved")
        #expect(CaseStatus.customerReplied.label(draftSaved: true) == "customer replied")
        #expect(CaseStatus.withDepartment("Legal").label(draftSaved: false) == "with Legal")
    }
}
