@testable import InboxModel

/// Complaint: reply #1, investigation, reply #2, confirmation, and the e-mail route.
enum ComplaintTransitions {
    static func complaint(_ state: ComplaintFlow.State) -> MentionFlow.Phase { .running(.complaint(ComplaintFlow(state: state))) }
    static let solution = "the fault in your street was fixed at 14:00"
    static let start: [FlowEvent] = [.classify(.complaint)]
    static let investigating = start + [.send(reply(.complaintFirst))]
    static let solved = investigating + [.investigated(solution: solution)]
    static let asked = solved + [.send(reply(.complaintSecond))]
    static let emailing = start + [.takeEmailRoute, .send(reply(.askEmail))]
    static let tooLong = Reply(text: String(repeating: "Vervelend dat dit gebeurt. ", count: 6), channel: .twitter,
                               moves: [.acknowledge, .goesInternal])

    static let cases: [TransitionCase] = [
        TransitionCase(name: "complaint: reply #1 acknowledges and says it goes internal", given: start,
                       event: .send(reply(.complaintFirst)),
                       outcome: .accepted(.init(phase: complaint(.investigating), actions: [.post(reply(.complaintFirst))]))),
        TransitionCase(name: "complaint: reply #1 without the internal part", given: start,
                       event: .send(reply(.complaintFirst, moves: [.acknowledge])),
                       outcome: .refused("reply #1 must acknowledge and say it goes internal")),
        TransitionCase(name: "complaint: reply #1 too long offers the e-mail route", given: start, event: .send(tooLong),
                       outcome: .refused("the reply does not fit: 162/140, 22 too many; take the e-mail route", offer: .emailRoute)),
        TransitionCase(name: "complaint: no solution before reply #1", given: start, event: .investigated(solution: solution),
                       outcome: .refused("send reply #1 first: acknowledge and say it goes internal")),
        TransitionCase(name: "complaint: no reply #2 before the investigation", given: investigating,
                       event: .send(reply(.complaintSecond)),
                       outcome: .refused("investigate first: record the solution before reply #2")),
        TransitionCase(name: "complaint: an empty solution", given: investigating, event: .investigated(solution: " "),
                       outcome: .refused("write down the solution the investigation found")),
        TransitionCase(name: "complaint: the investigation finds the solution", given: investigating,
                       event: .investigated(solution: solution), outcome: .accepted(.init(phase: complaint(.solution(solution))))),
        TransitionCase(name: "complaint: the investigation is done once", given: solved, event: .investigated(solution: solution),
                       outcome: .refused("the investigation is already done")),
        TransitionCase(name: "complaint: reply #2 without asking whether they are helped", given: solved,
                       event: .send(reply(.complaintSecond, moves: [.solution])),
                       outcome: .refused("reply #2 must give the solution and ask whether they are helped")),
        TransitionCase(name: "complaint: reply #2 gives the solution and asks", given: solved, event: .send(reply(.complaintSecond)),
                       outcome: .accepted(.init(phase: complaint(.awaitingConfirmation), actions: [.post(reply(.complaintSecond))]))),
        TransitionCase(name: "complaint: no third reply while waiting", given: asked, event: .send(reply(.complaintSecond)),
                       outcome: .refused("they were asked whether they are helped; wait for their answer")),
        TransitionCase(name: "complaint: the customer's confirmation closes it", given: asked, event: .authorConfirmed,
                       outcome: .accepted(.init(phase: .closed(.resolved, resume: .complaint(ComplaintFlow(state: .awaitingConfirmation)))))),
        TransitionCase(name: "complaint: no closing on a confirmation while a department has it",
                       given: asked + [.handOff(department: "Legal")], event: .authorConfirmed,
                       outcome: .refused("Legal has not answered yet: record their answer before closing")),
        TransitionCase(name: "complaint: not helped yet goes back to the investigation", given: asked,
                       event: .authorWrote("Nee, nog steeds niks"), outcome: .accepted(.init(phase: complaint(.investigating)))),
        TransitionCase(name: "complaint: no confirmation before anyone asked", given: start, event: .authorConfirmed,
                       outcome: .refused("nobody has asked them yet whether they are helped")),
        TransitionCase(name: "complaint: reopened, acknowledged again", given: asked + [.authorConfirmed],
                       event: .authorWrote("Het is weer mis"), outcome: .accepted(.init(phase: complaint(.acknowledge)))),
        TransitionCase(name: "complaint: e-mail route before reply #1", given: start, event: .takeEmailRoute,
                       outcome: .accepted(.init(phase: complaint(.askForEmail)))),
        TransitionCase(name: "complaint: e-mail route while investigating", given: investigating, event: .takeEmailRoute,
                       outcome: .accepted(.init(phase: complaint(.askForEmail)))),
        TransitionCase(name: "complaint: e-mail route instead of reply #2", given: solved, event: .takeEmailRoute,
                       outcome: .accepted(.init(phase: complaint(.askForEmail)))),
        TransitionCase(name: "complaint: e-mail route too late", given: asked, event: .takeEmailRoute,
                       outcome: .refused("the e-mail route is for a reply that does not fit; it is too late or already taken")),
        TransitionCase(name: "complaint: ask publicly for an e-mail address", given: start + [.takeEmailRoute],
                       event: .send(reply(.askEmail)),
                       outcome: .accepted(.init(phase: complaint(.byEmail), actions: [.post(reply(.askEmail))]))),
        TransitionCase(name: "complaint: by e-mail, not on Twitter", given: emailing, event: .send(reply(.emailBody)),
                       outcome: .refused("this step continues by e-mail, not on Twitter/X")),
        TransitionCase(name: "complaint: the e-mail goes out", given: emailing, event: .send(reply(.emailBody, on: .email)),
                       outcome: .accepted(.init(phase: complaint(.byEmail), actions: [.post(reply(.emailBody, on: .email))]))),
        TransitionCase(name: "complaint: e-mail handled", given: emailing, event: .emailHandled,
                       outcome: .accepted(.init(phase: complaint(.askPublicConfirmation)))),
        TransitionCase(name: "complaint: no e-mail conversation to finish", given: start, event: .emailHandled,
                       outcome: .refused("there is no e-mail conversation to finish")),
        TransitionCase(name: "complaint: ask publicly for confirmation", given: emailing + [.emailHandled],
                       event: .send(reply(.askConfirmation)),
                       outcome: .accepted(.init(phase: complaint(.awaitingConfirmation), actions: [.post(reply(.askConfirmation))]))),
        TransitionCase(name: "complaint: liking belongs to positive remarks", given: start, event: .amplify(.like),
                       outcome: .refused("amplify is a step for positive remarks; this is a complaint")),
    ]
}
