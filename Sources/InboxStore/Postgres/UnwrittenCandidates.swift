import Foundation
import InboxModel

/// The cases a mention could join among the earlier rows of its own run, which the server
/// has not written yet: the candidates `CandidateLookup` finds among stored mentions (the
/// posts it answers or continues, the mentions of its conversation, its author's latest
/// direct-message case), found in memory. With them a run no longer ends where a customer
/// answers a mention a few rows up, which on a live feed is every few rows, and each end
/// of a run was a wait for the server.
///
/// A row the inbox already holds is no candidate here (the server keeps the stored one,
/// which the lookups find), nor is a row repeating an earlier row of the run.
struct UnwrittenCandidates {
    private let rows: [MentionWriter.Row]
    private let numbers: [Int64]
    /// Rows the server will leave out: already stored, or repeating an earlier row.
    private var leftOut: Set<Int> = []
    private var byPost: [String: Int] = [:]
    private var byConversation: [String: [Int]] = [:]
    private var directMessages: [String: [Int]] = [:]

    /// The run's rows, each with the number it will be stored under.
    init(_ rows: [MentionWriter.Row], numbers: [Int64]) {
        self.rows = rows
        self.numbers = numbers
        for (index, row) in rows.enumerated() {
            let mention = row.mention
            let platform = mention.platform.rawValue + ":"
            guard byPost[platform + mention.id] == nil else {
                leftOut.insert(index)
                continue
            }
            byPost[platform + mention.id] = index
            if let conversation = mention.conversationID, conversation != mention.id {
                byConversation[platform + conversation, default: []].append(index)
            }
            if mention.channel == .directMessage {
                directMessages[platform + mention.author.handle, default: []].append(index)
            }
        }
    }

    /// Rows some later row could join: whether the server already holds them must be
    /// known before they count (`stored`).
    var referenced: [Int] {
        var found: Set<Int> = []
        for (index, row) in rows.enumerated() where CaseJoiner.mayJoin(row.mention) {
            found.formUnion(conversation(before: index))
            found.formUnion(directMessages(before: index))
        }
        return found.sorted()
    }

    /// Marks rows the server already holds.
    mutating func stored(_ indices: some Sequence<Int>) {
        leftOut.formUnion(indices)
    }

    /// Whether row `index` will be written (not already stored, not a repeat).
    func isWritten(_ index: Int) -> Bool { !leftOut.contains(index) }

    /// Row `index`'s candidates among the written rows before it, as the stored ones are
    /// found: the case of each post of its conversation, and its author's latest
    /// direct-message case (nil: none in the run, the stored one counts). `placed` is the
    /// run with the cases decided so far.
    func candidates(for index: Int, placed: [MentionWriter.Row]) -> (conversation: [CaseCandidate], directMessage: CaseCandidate?) {
        let mention = rows[index].mention
        func candidate(_ other: Int, number: Int64, _ relation: CaseCandidate.Relation) -> CaseCandidate {
            CaseCandidate(number: CaseNumber(number), platform: mention.platform, author: rows[other].mention.author.handle,
                          relation: relation)
        }
        let conversation = self.conversation(before: index).filter(isWritten).map { other in
            candidate(other, number: placed[other].joins?.rawValue ?? numbers[other], .sameConversation)
        }
        let latest = directMessages(before: index).last { isWritten($0) && placed[$0].joins == nil }
        return (conversation, latest.map { candidate($0, number: numbers[$0], .directMessages(closedAt: nil)) })
    }

    /// Earlier rows that are a post `index` answers or continues, or of its conversation.
    private func conversation(before index: Int) -> [Int] {
        let mention = rows[index].mention
        let platform = mention.platform.rawValue + ":"
        var found = Set([mention.conversationID, mention.inReplyToID].compactMap { $0 }).sorted().compactMap { post in
            byPost[platform + post].flatMap { $0 < index ? $0 : nil }
        }
        if let conversation = mention.conversationID {
            found += (byConversation[platform + conversation] ?? []).filter { $0 < index }
        }
        return found
    }

    /// Earlier direct messages of the same author, when `index` is one.
    private func directMessages(before index: Int) -> [Int] {
        let mention = rows[index].mention
        guard mention.channel == .directMessage else { return [] }
        return (directMessages[mention.platform.rawValue + ":" + mention.author.handle] ?? []).filter { $0 < index }
    }
}
