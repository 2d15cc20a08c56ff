import InboxModel

/// The waits a case's clock measured, in a few words for the case view and `show`.
enum ResponseTimes {
    /// "first response 4m, next 12m, 1h05", or nil before the first one.
    static func summary(_ clock: ResponseClock) -> String? {
        guard let first = clock.firstResponse else { return nil }
        let next = clock.responses.dropFirst().map { TimeText.duration($0.seconds) }
        return "first response \(TimeText.duration(first.seconds))\(first.withoutReply ? " (no reply)" : "")"
            + (next.isEmpty ? "" : ", next " + next.joined(separator: ", "))
    }
}
