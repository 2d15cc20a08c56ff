import Foundation
import Testing
@testable import InboxModel

/// The step menu comes from the model: only the steps the flow accepts now.
@Suite struct NextStepsTests {
    func labels(_ events: [FlowEvent]) -> [String] {
        var flow = MentionFlow(context: .tweet)
        for (index, event) in events.enumerated() { _ = flow.handle(event, at: t(60 * index)) }
        return flow.nextSteps(at: t(3600)).map(\.label)
    }

    @Test func aComplaintBeingInvestigatedOffersTheSolutionTheEmailRouteAndClosing() {
        let offered = labels([.classify(.complaint), .send(reply(.complaintFirst))])
        #expect(offered.prefix(2) == ["record the solution found", "continue by e-mail"])
        #expect(!offered.contains("think it through") && !offered.contains("go on without their answer"))
        #expect(offered.contains("close: resolved"))
    }

    @Test func waitingForTheCustomerOffersGoingOnWithAReason() {
        let offered = labels([.classify(.allegation), .setPosition(privacy), .send(reply(.askMotive))])
        #expect(offered.first == "go on without their answer")
        #expect(!offered.contains("think it through"))
    }

    @Test func stepsThatAskForWordsMakeTheirEvent() {
        let think = NextStep.all.first { $0.label == "think it through" }
        #expect(think?.event(with: "feiten eerst") == .thought("feiten eerst"))
    }
}
