import Foundation
import Testing
@testable import InboxModel

/// First and next response times, and when the clock does not run, with time as an input.
@Suite struct ResponseClockTests {
    /// A flow whose first message started the wait at t0, fed `events` at the given seconds.
    func flow(_ events: [(Int, FlowEvent)], rules: HouseRules = HouseRules()) -> MentionFlow {
        var context = FlowContext.tweet
        context.rules = rules
        context.openedAt = t0
        var flow = MentionFlow(context: context)
        for (seconds, event) in events {
            if let refusal = flow.handle(event, at: t(seconds)).refusal { Issue.record("\(event.name): \(refusal)") }
        }
        return flow
    }

    @Test func theClockRunsFromTheFirstMessageUntilOurFirstReply() {
        let waiting = flow([(60, .classify(.complaint))])
        #expect(waiting.clock.isRunning && waiting.clock.waitingSince == t0)
        let replied = flow([(60, .classify(.complaint)), (300, .send(reply(.complaintFirst)))])
        #expect(replied.clock.waitingSince == nil)
        #expect(replied.clock.responses == [.init(kind: .first, seconds: 300, withoutReply: false)])
    }

    @Test func aDecisionNotToReplyIsAFirstResponse() {
        let dismissed = flow([(90, .dismiss(.spam, note: ""))])
        #expect(dismissed.clock.firstResponse == .init(kind: .first, seconds: 90, withoutReply: true))
    }

    @Test func theCustomerWritingAfterOurReplyStartsTheNextResponse() {
        let next = flow([(60, .classify(.complaint)), (300, .send(reply(.complaintFirst))),
                         (1000, .authorWrote("dag 4!")), (1500, .investigated(solution: "fixed at 14:00"))])
        #expect(next.clock.waitingSince == t(1000))
        let answered = flow([(60, .classify(.complaint)), (300, .send(reply(.complaintFirst))),
                             (1000, .authorWrote("dag 4!")),
                             (1500, .investigated(solution: "the fault in your street was fixed at 14:00")),
                             (1600, .send(reply(.complaintSecond)))])
        #expect(answered.clock.responses.map(\.kind) == [.first, .next])
        #expect(answered.clock.responses.map(\.seconds) == [300, 600])
    }

    @Test func aSecondMessageBeforeWeReplyDoesNotRestartTheWait() {
        let twice = flow([(60, .authorWrote("hallo?")), (120, .classify(.question))])
        #expect(twice.clock.waitingSince == t0)
    }

    @Test func waitingForTheCustomerTheClockDoesNotRun() {
        let asked = flow([(60, .classify(.complaint)), (300, .send(reply(.complaintFirst))),
                          (400, .investigated(solution: "the fault in your street was fixed at 14:00")),
                          (500, .send(reply(.complaintSecond)))])
        #expect(asked.isWaitingForCustomer && !asked.clock.isRunning)
    }

    @Test func withADepartmentTheClockRunsOnUnlessTheHouseRuleSaysPause() {
        let events: [(Int, FlowEvent)] = [(60, .classify(.question)), (100, .handOff(department: "Legal")),
                                          (3700, .departmentAnswered(department: "Legal", answer: legalAnswer)),
                                          (3800, .send(reply(.answer)))]
        #expect(flow(events).clock.firstResponse?.seconds == 3800)
        let paused = flow(events, rules: HouseRules(pauseWithDepartment: true))
        #expect(paused.clock.firstResponse?.seconds == 200)
        let stillThere = flow(Array(events.prefix(2)), rules: HouseRules(pauseWithDepartment: true))
        #expect(!stillThere.clock.isRunning && stillThere.clock.pausedAt == t(100))
    }

    @Test func closingStopsTheClockWithoutMeasuringAResponse() {
        let closed = flow([(60, .classify(.positive)), (120, .close(.thanked))])
        #expect(closed.clock.waitingSince == nil && closed.clock.responses.isEmpty)
    }

    @Test func aClosedCaseReopensWithANewWait() {
        let reopened = flow([(60, .classify(.positive)), (120, .close(.thanked)), (5000, .authorWrote("nog iets"))])
        #expect(reopened.clock.waitingSince == t(5000))
    }
}
