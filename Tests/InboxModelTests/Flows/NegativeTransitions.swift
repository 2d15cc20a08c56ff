@testable import InboxModel

/// Negative: decide, ask what lies behind it and why, thank and promise, go round again.
enum NegativeTransitions {
    static func negative(_ state: NegativeFlow.State, round: Int = 1) -> MentionFlow.Phase {
        .running(.negative(NegativeFlow(state: state, round: round)))
    }
    static let start: [FlowEvent] = [.classify(.negative)]
    static let responding = start + [.respond]
    static let backgroundAsked = responding + [.send(reply(.askBackground))]
    static let whyAsked = backgroundAsked + [.authorWrote("De monteur kwam niet"), .send(reply(.askWhy))]
    static let thanking = whyAsked + [.authorWrote("Drie keer beloofd")]
    static let listening = thanking + [.send(reply(.thankAndPromise))]

    static let cases: [TransitionCase] = [
        TransitionCase(name: "negative: decide to respond", given: start, event: .respond,
                       outcome: .accepted(.init(phase: negative(.askBackground)))),
        TransitionCase(name: "negative: no reply before deciding", given: start, event: .send(reply(.askBackground)),
                       outcome: .refused("decide first whether to respond (or dismiss it with a reason)")),
        TransitionCase(name: "negative: decide not to respond, with the reason", given: start,
                       event: .dismiss(.noFactsToOffer, note: "opinion, no facts to add"),
                       outcome: .accepted(.init(phase: .closed(.noReply(.noFactsToOffer),
                                                               resume: .negative(NegativeFlow(state: .decide, round: 1)))))),
        TransitionCase(name: "negative: decided once", given: responding, event: .respond,
                       outcome: .refused("already decided to respond")),
        TransitionCase(name: "negative: ask what lies behind it, then wait", given: responding, event: .send(reply(.askBackground)),
                       outcome: .accepted(.init(phase: negative(.backgroundAsked), actions: [.post(reply(.askBackground))]))),
        TransitionCase(name: "negative: ask what lies behind it and why in one reply", given: responding,
                       event: .send(reply(.askBackground, moves: [.askBackground, .askWhy])),
                       outcome: .accepted(.init(phase: negative(.whyAsked),
                                                actions: [.post(reply(.askBackground, moves: [.askBackground, .askWhy]))]))),
        TransitionCase(name: "negative: no second question before their answer", given: backgroundAsked,
                       event: .send(reply(.askWhy)),
                       outcome: .refused("wait for their answer (or go on with a reason); the dialogue goes on when they write")),
        TransitionCase(name: "negative: their answer: ask why", given: backgroundAsked, event: .authorWrote("De monteur kwam niet"),
                       outcome: .accepted(.init(phase: negative(.askWhy)))),
        TransitionCase(name: "negative: going on without what lies behind it", given: backgroundAsked,
                       event: .goOn(reason: "geen antwoord"), outcome: .accepted(.init(phase: negative(.askWhy)))),
        TransitionCase(name: "negative: ask why they think so, then wait",
                       given: backgroundAsked + [.authorWrote("De monteur kwam niet")], event: .send(reply(.askWhy)),
                       outcome: .accepted(.init(phase: negative(.whyAsked), actions: [.post(reply(.askWhy))]))),
        TransitionCase(name: "negative: their answer: thank and promise", given: whyAsked, event: .authorWrote("Drie keer beloofd"),
                       outcome: .accepted(.init(phase: negative(.thankAndPromise)))),
        TransitionCase(name: "negative: going on without why", given: whyAsked, event: .goOn(reason: "geen antwoord"),
                       outcome: .accepted(.init(phase: negative(.thankAndPromise)))),
        TransitionCase(name: "negative: thanking without promising action", given: thanking,
                       event: .send(reply(.thankAndPromise, moves: [.thank])),
                       outcome: .refused("this reply must thank and say it will be acted upon")),
        TransitionCase(name: "negative: thank and promise action", given: thanking, event: .send(reply(.thankAndPromise)),
                       outcome: .accepted(.init(phase: negative(.listening), actions: [.post(reply(.thankAndPromise))]))),
        TransitionCase(name: "negative: listening, not talking", given: listening, event: .send(reply(.askBackground)),
                       outcome: .refused("wait for their answer (or go on with a reason); the dialogue goes on when they write")),
        TransitionCase(name: "negative: going on while listening starts the next round", given: listening,
                       event: .goOn(reason: "nieuwe storing gemeld"), outcome: .accepted(.init(phase: negative(.askBackground, round: 2)))),
        TransitionCase(name: "negative: the author answers, round two", given: listening, event: .authorWrote("Omdat..."),
                       outcome: .accepted(.init(phase: negative(.askBackground, round: 2)))),
        TransitionCase(name: "negative: a remark left alone is decided afresh", given: start + [.dismiss(.noFactsToOffer, note: "")],
                       event: .authorWrote("Geen reactie?"), outcome: .accepted(.init(phase: negative(.decide, round: 2)))),
        TransitionCase(name: "negative: a closed dialogue reopens at the next round", given: listening + [.close(.thanked)],
                       event: .authorWrote("Nog iets"), outcome: .accepted(.init(phase: negative(.askBackground, round: 2)))),
        TransitionCase(name: "negative: investigating belongs to complaints", given: start, event: .investigated(solution: "x"),
                       outcome: .refused("investigated is a step for complaints; this is a negative")),
    ]
}
