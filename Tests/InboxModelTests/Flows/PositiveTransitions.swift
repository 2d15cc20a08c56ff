@testable import InboxModel

/// Positive: thank and/or retweet or like, ask the motivation, spot ambassadors.
enum PositiveTransitions {
    static func positive(_ state: PositiveFlow.State, _ amplified: Set<PlatformAction> = []) -> MentionFlow.Phase {
        .running(.positive(PositiveFlow(state: state, amplified: amplified)))
    }
    static let start: [FlowEvent] = [.classify(.positive)]
    static let liked = start + [.amplify(.like)]
    static let asked = start + [.send(reply(.thank)), .send(reply(.askMotivation))]

    static let cases: [TransitionCase] = [
        TransitionCase(name: "positive: a first-time fan is not an ambassador yet", given: [], event: .classify(.positive),
                       outcome: .accepted(.init(phase: positive(.thank)))),
        TransitionCase(name: "positive: a third positive mention suggests an ambassador", context: .returningFan, given: [],
                       event: .classify(.positive),
                       outcome: .accepted(.init(phase: positive(.thank), actions: [.suggestAmbassador(handle: "marieke")]))),
        TransitionCase(name: "positive: thank", given: start, event: .send(reply(.thank)),
                       outcome: .accepted(.init(phase: positive(.askMotivation), actions: [.post(reply(.thank))]))),
        TransitionCase(name: "positive: like first, the thanks can follow", given: start, event: .amplify(.like),
                       outcome: .accepted(.init(phase: positive(.thank, [.like]), actions: [.amplify(.like)]))),
        TransitionCase(name: "positive: retweet first", given: start, event: .amplify(.retweet),
                       outcome: .accepted(.init(phase: positive(.thank, [.retweet]), actions: [.amplify(.retweet)]))),
        TransitionCase(name: "positive: and retweet as well", given: liked, event: .amplify(.retweet),
                       outcome: .accepted(.init(phase: positive(.thank, [.like, .retweet]), actions: [.amplify(.retweet)]))),
        TransitionCase(name: "positive: thank after liking", given: liked, event: .send(reply(.thank)),
                       outcome: .accepted(.init(phase: positive(.askMotivation, [.like]), actions: [.post(reply(.thank))]))),
        TransitionCase(name: "positive: like after thanking", given: start + [.send(reply(.thank))], event: .amplify(.like),
                       outcome: .accepted(.init(phase: positive(.askMotivation, [.like]), actions: [.amplify(.like)]))),
        TransitionCase(name: "positive: thanks and the question about their motive in one reply", given: start,
                       event: .send(reply(.thank, moves: [.thank, .askMotivation])),
                       outcome: .accepted(.init(phase: positive(.motivationAsked),
                                                actions: [.post(reply(.thank, moves: [.thank, .askMotivation]))]))),
        TransitionCase(name: "positive: not liked twice", given: liked, event: .amplify(.like), outcome: .refused("already liked")),
        TransitionCase(name: "positive: no retweets on Facebook", context: .facebookComment, given: start, event: .amplify(.retweet),
                       outcome: .refused("only Twitter/X has retweets; like it on Facebook")),
        TransitionCase(name: "positive: a direct message cannot be liked", context: .directMessage, given: start,
                       event: .amplify(.like), outcome: .refused("a direct message cannot be liked")),
        TransitionCase(name: "positive: the thank-you must thank", given: start, event: .send(reply(.thank, moves: [.answer])),
                       outcome: .refused("this reply must thank")),
        TransitionCase(name: "positive: ask what motivated them", given: liked + [.send(reply(.thank))],
                       event: .send(reply(.askMotivation)),
                       outcome: .accepted(.init(phase: positive(.motivationAsked, [.like]), actions: [.post(reply(.askMotivation))]))),
        TransitionCase(name: "positive: nothing more to send", given: asked, event: .send(reply(.thank)),
                       outcome: .refused("their motivation was asked; wait for their answer or close it")),
        TransitionCase(name: "positive: a like after asking", given: asked, event: .amplify(.like),
                       outcome: .accepted(.init(phase: positive(.motivationAsked, [.like]), actions: [.amplify(.like)]))),
        TransitionCase(name: "positive: their answer is what makes fans", given: asked,
                       event: .authorWrote("De monteur was zo vriendelijk"),
                       outcome: .accepted(.init(phase: .running(.positive(PositiveFlow(
                           state: .motivationHeard, amplified: [], motivation: "De monteur was zo vriendelijk")))))),
        TransitionCase(name: "positive: going on without their answer", given: asked, event: .goOn(reason: "geen reactie"),
                       outcome: .accepted(.init(phase: positive(.motivationHeard)))),
        TransitionCase(name: "positive: nothing more to send once they answered", given: asked + [.authorWrote("Top")],
                       event: .send(reply(.thank)), outcome: .refused("they answered what motivated them; close it")),
        TransitionCase(name: "positive: a like after their answer", given: asked + [.goOn(reason: "geen reactie")],
                       event: .amplify(.like), outcome: .accepted(.init(phase: positive(.motivationHeard, [.like]),
                                                                        actions: [.amplify(.like)]))),
        TransitionCase(name: "positive: close as thanked", given: asked, event: .close(.thanked),
                       outcome: .accepted(.init(phase: .closed(.thanked, resume: .positive(PositiveFlow(state: .motivationAsked, amplified: [])))))),
        TransitionCase(name: "positive: reopens at thanking, keeping what was liked", given: liked + [.close(.thanked)],
                       event: .authorWrote("Nog een keer top!"), outcome: .accepted(.init(phase: positive(.thank, [.like])))),
        TransitionCase(name: "positive: responding belongs to negative remarks", given: start, event: .respond,
                       outcome: .refused("respond is a step for negative remarks; this is a positive")),
    ]
}
