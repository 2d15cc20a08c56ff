/// The checks every outgoing reply passes before a flow lets it go: the right
/// channel, the moves its step requires, and a length that fits the channel.
/// Shared by all machines so a refusal reads the same in every flow.
struct ReplyCheck {
    let context: FlowContext

    /// Why `reply` cannot go out as a `purpose` reply on `channel`, or nil.
    /// `tooLong` is the offer made when only the length is wrong.
    func refusal(of reply: Reply, as purpose: ReplyPurpose, on channel: ReplyChannel,
                 tooLong offer: FlowRefusal.Offer? = nil) -> FlowRefusal? {
        if reply.channel != channel { return FlowRefusal(Self.wrongChannel(reply.channel, expected: channel)) }
        // A template's blank left as it was would reach the customer as "{answer}".
        if let blank = TemplateValues.unfilled(in: reply.text) {
            return FlowRefusal("fill in \(blank) first: the template leaves it to you")
        }
        if !reply.moves.isSuperset(of: purpose.moves) {
            return FlowRefusal("\(purpose.label) must \(ReplyMove.phrase(for: purpose.moves))")
        }
        let length = ReplyLength(of: reply.text, rules: channel.rules(twitterRules: context.rules.twitterRules))
        switch length.problem {
        case nil:
            return nil
        case .tooLong(let excess)?:
            let figure = "\(length.weightedLength)/\(length.limit ?? 0), \(excess) too many"
            let way = offer == .emailRoute ? "take the e-mail route" : "shorten it"
            return FlowRefusal("the reply does not fit: \(figure); \(way)", offer: offer)
        case let problem?:
            return FlowRefusal(problem.description)
        }
    }

    static func wrongChannel(_ channel: ReplyChannel, expected: ReplyChannel) -> String {
        switch expected {
        case .dm: "a direct message is answered in a direct message, not on \(channel.displayName)"
        case .email: "this step continues by e-mail, not on \(channel.displayName)"
        default: "answer on \(expected.displayName), where the mention came in, not on \(channel.displayName)"
        }
    }
}

extension ReplyPurpose {
    /// How a refusal names the reply: the source numbers a complaint's two tweets.
    var label: String {
        switch self {
        case .complaintFirst: "reply #1"
        case .complaintSecond: "reply #2"
        default: "this reply"
        }
    }
}

extension ReplyChannel {
    /// The name an agent reads in a refusal.
    public var displayName: String {
        switch self {
        case .twitter: Platform.twitter.displayName
        case .facebook: Platform.facebook.displayName
        case .linkedin: Platform.linkedin.displayName
        case .instagram: Platform.instagram.displayName
        case .dm: "a direct message"
        case .email: "e-mail"
        }
    }
}
