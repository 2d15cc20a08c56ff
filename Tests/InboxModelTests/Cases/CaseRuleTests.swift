import Foundation
import Testing
@testable import InboxModel

/// One test per clause of `CaseRule.place`, and the thread where several authors write.
@Suite struct CaseRuleTests {
    let rule = CaseRule()
    let posted = Date(timeIntervalSince1970: 1_795_000_000)

    func mention(_ handle: String = "sanne_dekker", id: String = "tw-2000", channel: MentionChannel = .publicMention,
                 platform: Platform = .twitter, inReplyTo: String? = nil, conversation: String? = nil) -> Mention {
        Mention(platform: platform, channel: channel, id: id, conversationID: conversation, inReplyToID: inReplyTo,
                author: Author(handle: handle, name: "Sanne Dekker", followers: 10), text: "@NetVia en nu?",
                postedAt: posted)
    }

    func candidate(_ number: Int64, _ relation: CaseCandidate.Relation, author: String = "sanne_dekker",
                   platform: Platform = .twitter) -> CaseCandidate {
        CaseCandidate(number: CaseNumber(number), platform: platform, author: author, relation: relation)
    }

    @Test func aMentionWithNothingToJoinOpensACase() {
        #expect(rule.place(mention(), among: []) == .opens)
    }

    @Test func anAnswerToOurPostedReplyJoinsThatCaseBeforeAnyOther() {
        let found = rule.place(mention(inReplyTo: "posted-7", conversation: "tw-1000"),
                               among: [candidate(3, .sameConversation), candidate(1, .answersOurReply)])
        #expect(found == .joins(CaseNumber(1), because: .answersOurReply))
    }

    @Test func theSameConversationByTheSameAuthorJoins() {
        #expect(rule.place(mention(conversation: "tw-1000"), among: [candidate(1, .sameConversation)])
                == .joins(CaseNumber(1), because: .sameConversation))
    }

    @Test func anotherAuthorInTheSameConversationOpensTheirOwnCase() {
        // The allegation thread: six authors, six cases, one conversation.
        let thread = (1...5).map { candidate(Int64($0), .sameConversation, author: "author\($0)") }
        #expect(rule.place(mention("author6", conversation: "tw-1040"), among: thread) == .opens)
        #expect(rule.place(mention("author3", conversation: "tw-1040"), among: thread)
                == .joins(CaseNumber(3), because: .sameConversation))
    }

    @Test func anAnswerToOurReplyToSomeoneElseDoesNotJoinTheirCase() {
        #expect(rule.place(mention("daan_s", inReplyTo: "posted-7"), among: [candidate(1, .answersOurReply)]) == .opens)
    }

    @Test func handlesCompareWithoutCase() {
        #expect(rule.place(mention("Sanne_Dekker", conversation: "tw-1000"), among: [candidate(1, .sameConversation)])
                == .joins(CaseNumber(1), because: .sameConversation))
    }

    @Test func anotherPlatformNeverJoins() {
        #expect(rule.place(mention(conversation: "tw-1000"),
                           among: [candidate(1, .sameConversation, platform: .facebook)]) == .opens)
    }

    @Test func aDirectMessageJoinsTheAuthorsOpenDirectMessageCase() {
        #expect(rule.place(mention(channel: .directMessage), among: [candidate(4, .directMessages(closedAt: nil))])
                == .joins(CaseNumber(4), because: .directMessages(closedAt: nil)))
    }

    @Test func aDirectMessageReopensACaseClosedWithinTheWindowOnly() {
        let sixDays = posted.addingTimeInterval(-6 * 24 * 3600), eightDays = posted.addingTimeInterval(-8 * 24 * 3600)
        #expect(rule.place(mention(channel: .directMessage), among: [candidate(4, .directMessages(closedAt: sixDays))])
                == .joins(CaseNumber(4), because: .directMessages(closedAt: sixDays)))
        #expect(rule.place(mention(channel: .directMessage), among: [candidate(4, .directMessages(closedAt: eightDays))])
                == .opens)
        let shorter = CaseRule(reopenWindow: 24 * 3600)
        #expect(shorter.place(mention(channel: .directMessage), among: [candidate(4, .directMessages(closedAt: sixDays))])
                == .opens)
    }

    @Test func aPublicMentionDoesNotJoinByDirectMessages() {
        #expect(rule.place(mention(), among: [candidate(4, .directMessages(closedAt: nil))]) == .opens)
    }

    @Test func amongCasesOfOneClauseTheLatestWins() {
        #expect(rule.place(mention(conversation: "tw-1000"),
                           among: [candidate(9, .sameConversation), candidate(2, .sameConversation)])
                == .joins(CaseNumber(9), because: .sameConversation))
    }
}
