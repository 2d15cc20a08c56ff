@testable import InboxModel

/// Question: same channel back, expert route, follow-ups.
enum QuestionTransitions {
    static func question(_ state: QuestionFlow.State) -> MentionFlow.Phase { .running(.question(QuestionFlow(state: state))) }
    static let start: [FlowEvent] = [.classify(.question)]
    static let answered: [FlowEvent] = start + [.send(reply(.answer))]
    static let withExpert: [FlowEvent] = start + [.handOff(department: "Finance")]
    static let finance = MentionFlow.DepartmentAnswer(department: "Finance", answer: legalAnswer, at: t(120))
    static let longAnswer = Reply(text: String(repeating: "Dat kan online. ", count: 10), channel: .twitter, moves: [.answer])

    static let cases: [TransitionCase] = [
        TransitionCase(name: "question: answer on the channel it came in on", given: start, event: .send(reply(.answer)),
                       outcome: .accepted(.init(phase: question(.answered), actions: [.post(reply(.answer))]))),
        TransitionCase(name: "question: a public question is not answered by DM", given: start,
                       event: .send(reply(.answer, on: .dm)),
                       outcome: .refused("answer on Twitter/X, where the mention came in, not on a direct message")),
        TransitionCase(name: "question: a DM is not answered in public", context: .directMessage, given: start,
                       event: .send(reply(.answer)),
                       outcome: .refused("a direct message is answered in a direct message, not on Twitter/X")),
        TransitionCase(name: "question: a DM stays a DM", context: .directMessage, given: start,
                       event: .send(reply(.answer, on: .dm)),
                       outcome: .accepted(.init(phase: question(.answered), actions: [.post(reply(.answer, on: .dm))]))),
        TransitionCase(name: "question: a reply that does not answer", given: start,
                       event: .send(reply(.answer, moves: [.thank])), outcome: .refused("this reply must answer")),
        TransitionCase(name: "question: too long for a tweet", given: start, event: .send(longAnswer),
                       outcome: .refused("the reply does not fit: 160/140, 20 too many; shorten it")),
        TransitionCase(name: "question: hand it to an expert", given: start, event: .handOff(department: "Finance"),
                       outcome: .accepted(.init(phase: question(.askingExpert(department: "Finance")),
                                                actions: [.passOn(department: "Finance", originalText: FlowContext.tweet.originalText)],
                                                pendingHandOff: "Finance"))),
        TransitionCase(name: "question: taken back from the expert without their input", given: withExpert,
                       event: .withdrawHandOff, outcome: .accepted(.init(phase: question(.answer)))),
        TransitionCase(name: "question: nothing to take back", given: start, event: .withdrawHandOff,
                       outcome: .refused("nothing is with a department")),
        TransitionCase(name: "question: nothing waits for the customer", given: answered, event: .goOn(reason: "x"),
                       outcome: .refused("nothing waits for the customer's answer")),
        TransitionCase(name: "question: no answer while the expert has it", given: withExpert, event: .send(reply(.answer)),
                       outcome: .refused("waiting for Finance's input: record their answer first")),
        TransitionCase(name: "question: the expert's input comes back", given: withExpert,
                       event: .departmentAnswered(department: "Finance", answer: legalAnswer),
                       outcome: .accepted(.init(phase: question(.answerWithInput(department: "Finance", input: legalAnswer)),
                                                departmentAnswers: [finance]))),
        TransitionCase(name: "question: answer with the expert's input",
                       given: withExpert + [.departmentAnswered(department: "Finance", answer: legalAnswer)],
                       event: .send(reply(.answer)),
                       outcome: .accepted(.init(phase: question(.answered), actions: [.post(reply(.answer))],
                                                departmentAnswers: [finance]))),
        TransitionCase(name: "question: ask the expert again after their input",
                       given: withExpert + [.departmentAnswered(department: "Finance", answer: legalAnswer)],
                       event: .handOff(department: "Legal"),
                       outcome: .accepted(.init(phase: question(.askingExpert(department: "Legal")),
                                                actions: [.passOn(department: "Legal", originalText: FlowContext.tweet.originalText)],
                                                pendingHandOff: "Legal", departmentAnswers: [finance]))),
        TransitionCase(name: "question: hand off after answering", given: answered, event: .handOff(department: "Finance"),
                       outcome: .accepted(.init(phase: question(.askingExpert(department: "Finance")),
                                                actions: [.passOn(department: "Finance", originalText: FlowContext.tweet.originalText)],
                                                pendingHandOff: "Finance"))),
        TransitionCase(name: "question: a second answer", given: answered, event: .send(reply(.answer)),
                       outcome: .accepted(.init(phase: question(.answered), actions: [.post(reply(.answer))]))),
        TransitionCase(name: "question: a follow-up question", given: answered, event: .authorWrote("En hoe lang duurt dat?"),
                       outcome: .accepted(.init(phase: question(.answer)))),
        TransitionCase(name: "question: close as answered", given: answered, event: .close(.answered),
                       outcome: .accepted(.init(phase: .closed(.answered, resume: .question(QuestionFlow(state: .answered)))))),
        TransitionCase(name: "question: reopens when the author writes again", given: answered + [.close(.answered)],
                       event: .authorWrote("Nog een vraag"), outcome: .accepted(.init(phase: question(.answer)))),
        TransitionCase(name: "question: think belongs to allegations", given: start, event: .think,
                       outcome: .refused("think is a step for allegations; this is a question")),
        TransitionCase(name: "question: retweeting belongs to positive remarks", given: start, event: .amplify(.retweet),
                       outcome: .refused("amplify is a step for positive remarks; this is a question")),
    ]
}
