import Foundation
import Testing
import InboxModel

@Suite struct MentionTests {
    static func mention(_ platform: Platform, _ channel: MentionChannel) -> Mention {
        Mention(platform: platform, channel: channel, id: "1", author: Author(handle: "sanne_dekker", name: "Sanne Dekker",
                followers: 412), text: "Hoi", postedAt: Date(timeIntervalSince1970: 0))
    }

    @Test func repliesGoBackTheWayTheMentionCame() {
        #expect(Self.mention(.twitter, .publicMention).homeChannel == .twitter)
        #expect(Self.mention(.twitter, .hashtag).homeChannel == .twitter)
        #expect(Self.mention(.twitter, .directMessage).homeChannel == .dm)
        #expect(Self.mention(.facebook, .directMessage).homeChannel == .dm)
        #expect(Self.mention(.facebook, .comment).homeChannel == .facebook)
        #expect(Self.mention(.linkedin, .comment).homeChannel == .linkedin)
        #expect(Self.mention(.instagram, .comment).homeChannel == .instagram)
    }

    @Test func templatesGreetByFirstNameOrHandle() {
        #expect(Author(handle: "sanne_dekker", name: "Sanne Dekker", followers: 1).greetingName == "Sanne")
        #expect(Author(handle: "sanne_dekker", name: "  ", followers: 1).greetingName == "sanne_dekker")
        // Never a fragment of an account's name or an initial: the handle then.
        #expect(Author(handle: "kritischeklant", name: "Kritische Klant", followers: 1).greetingName == "kritischeklant")
        #expect(Author(handle: "anoniem_klant", name: "L. Bakker", followers: 1).greetingName == "anoniem_klant")
        #expect(Author(handle: "BNR_techdesk", name: "BNR Techdesk", followers: 1).greetingName == "BNR_techdesk")
        #expect(Author(handle: "ig_mo", name: "Mo", followers: 1).greetingName == "Mo")
        #expect(Author(handle: "fb_1005", name: "Ahmed El Amrani", followers: 1).greetingName == "Ahmed")
    }

    @Test func authorsGoByTheirHandleOrWhereThereIsNoneByTheirName() {
        let bram = Author(handle: "7001002010", name: "Bram Jansen", followers: 0)
        #expect(bram.label(on: .facebook) == "Bram Jansen" && bram.label(on: .twitter) == "@7001002010")
        #expect(Author(handle: "A1b2C3d4", name: "unknown (urn:li:person:A1b2C3d4)", followers: 0).label(on: .linkedin)
                == "@A1b2C3d4", "no name given: the id")
        #expect(Author(handle: "lotte.fit", name: "Lotte", followers: 0).label(on: .instagram) == "@lotte.fit")
    }

    @Test func aContextCarriesTheMentionsTextForHandOffs() {
        let context = FlowContext(mention: Self.mention(.twitter, .directMessage), earlierPositiveMentions: 2)
        #expect(context == FlowContext(platform: .twitter, homeChannel: .dm, originalText: "Hoi", authorHandle: "sanne_dekker",
                                       earlierPositiveMentions: 2))
    }
}
