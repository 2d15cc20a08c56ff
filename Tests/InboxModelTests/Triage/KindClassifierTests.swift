import Foundation
import Testing
@testable import InboxModel

@Suite struct KindClassifierTests {
    let classifier = KindClassifier()

    @Test(arguments: [
        ("@NetVia jullie zijn oplichters, stelletje leugenaars", MentionKind.allegation, ["oplichters", "leugenaars"]),
        ("@NetVia al 3 dagen geen internet", .complaint, ["al 3 dagen", "geen internet"]),
        ("@NetVia hoe kan ik mijn modem resetten?", .question, ["hoe", "kan ik", "?"]),
        ("@NetVia top service, bedankt!", .positive, ["top", "bedankt"]),
        ("@NetVia worst provider ever, never again", .negative, ["worst", "never again"]),
        ("@NetVia this is a scam and you are lying to us", .allegation, ["scam", "lying"]),
        ("@SkyWings flight delayed 4 hours and nobody tells us anything", .complaint, ["4 hours", "delayed", "nobody", "hours"]),
    ])
    func suggestsTheKindWithTheWordsThatDecidedIt(_ text: String, _ kind: MentionKind, _ words: [String]) {
        let suggestion = classifier.suggest(for: text)
        #expect(suggestion.kind == kind)
        #expect(suggestion.evidence == words)
        #expect(!suggestion.looksLikeSpam && suggestion.needsReply && suggestion.isSure)
    }

    @Test func aComplaintPhrasedAsAQuestionStaysAComplaint() {
        // "storing" (complaint, 2) against "wanneer" (question, 2): the complaint's half
        // point of the cold guess decides, and the question mark is not there.
        let suggestion = classifier.suggest(for: "@NetVia storing. Wanneer is het opgelost")
        #expect(suggestion.kind == .complaint)
        #expect(suggestion.evidence == ["storing"])
    }

    @Test func aQuestionMarkAloneIsAQuestion() {
        let suggestion = classifier.suggest(for: "@RailNed de 8:15 naar Zwolle?")
        #expect(suggestion.kind == .question && suggestion.isSure && suggestion.evidence == ["?"])
    }

    @Test func spamNeedsNoReplyAndHasNoKind() {
        let spam = classifier.suggest(for: "@NetVia buy followers cheap, dm for promo")
        #expect(spam.kind == nil && spam.looksLikeSpam && !spam.needsReply)
        #expect(spam.evidence == ["buy followers", "dm for promo"])
    }

    @Test func talkAboutUsInPassingNeedsNoReplyUnlessItComplains() {
        let chatter = classifier.suggest(for: "Watching the match on @NetVia tv tonight, come on lads")
        #expect(!chatter.needsReply && !chatter.isSure)
        let laughter = classifier.suggest(for: "@NetVia lol")
        #expect(!laughter.needsReply)
        #expect(!classifier.suggest(for: "@NetVia @KPN").needsReply)
        #expect(classifier.suggest(for: "@NetVia ?").needsReply)
        let complaint = classifier.suggest(for: "Al 3 dagen geen internet van @NetVia, echt waardeloos")
        #expect(complaint.needsReply && complaint.kind == .complaint)
    }

    /// A direct message or a comment on our page is said to us, whatever its first words.
    @Test func whatTheChannelSaysIsToUsNeedsAReply() {
        func said(_ channel: MentionChannel) -> KindClassifier.Suggestion {
            classifier.suggest(for: Mention(platform: .facebook, channel: channel, id: "1",
                                            author: Author(handle: "a", name: "A", followers: 1),
                                            text: "Het gaat om de incasso van 3 oktober", postedAt: Date()))
        }
        #expect(!said(.publicMention).needsReply)
        #expect(said(.directMessage).needsReply && said(.comment).needsReply)
    }

    @Test func anUnexplainedMentionIsALikelyComplaintAndSaysItIsNotSure() {
        // Nothing points anywhere: it sorts as a complaint would, never below spam.
        let suggestion = classifier.suggest(for: "@HarborBank your new logo looks like a fish")
        #expect(suggestion.kind == .complaint && suggestion.needsReply && !suggestion.isSure)
        #expect(suggestion.evidence.isEmpty)
    }

    @Test func onlyTheMentionsLanguageListsApply() {
        // English "held", "top", "thier" and a surname are no Dutch praise or accusation.
        #expect(classifier.suggest(for: "@SkyWings held hostage on the tarmac for 3 hours").kind == .complaint)
        #expect(classifier.suggest(for: "@NetVia and on top of that the bill went up").kind == .complaint)
        #expect(classifier.suggest(for: "@NetVia thier engineer came by, thanks").kind == .positive)
        #expect(classifier.suggest(for: "@HarborBank Mr Crookes from the branch was great").kind == .positive)
        // The platform's language field wins over the words: a German "top" is no praise.
        let german = classifier.suggest(for: "@NetVia alles top", languageTag: "de")
        #expect(german.language == .other && german.evidence.isEmpty && !german.isSure)
        #expect(classifier.suggest(for: "@NetVia alles top", languageTag: "nl-NL").evidence == ["top"])
    }

    @Test func negationTurnsPraiseAndCancelsCriticism() {
        let notHappy = classifier.suggest(for: "@ShopMart not happy with the new app at all")
        #expect(notHappy.kind == .negative && notHappy.evidence == ["not happy"])
        let nietBlij = classifier.suggest(for: "@Winkelhuis ik ben niet echt blij hiermee")
        #expect(nietBlij.kind == .negative && nietBlij.evidence == ["niet echt blij"])
        let notBad = classifier.suggest(for: "@ShopMart not bad at all, the new store")
        #expect(notBad.kind != .negative)
        // "nooit meer" is a cue of its own, not a negated "meer".
        #expect(classifier.suggest(for: "@VliegNL nooit meer met jullie").kind == .negative)
    }

    @Test func anIntensifierMakesACueCountMore() {
        let plain = classifier.suggest(for: "@RailNed slecht")
        let strong = classifier.suggest(for: "@RailNed echt slecht")
        #expect(plain.kind == .negative && strong.kind == .negative)
        #expect(strong.confidence > plain.confidence)
    }

    @Test func wordEndingsAndNumbersMatchAsTheListsSay() {
        #expect(classifier.suggest(for: "@NetVia oplichting is het").evidence == ["oplichting"])
        #expect(classifier.suggest(for: "@NetVia al 12 weken wachten").evidence.contains("al 12 weken"))
        // "waar" as a whole word only: "waarom" is not "waar".
        #expect(!classifier.suggest(for: "@NetVia waarom").evidence.contains("waar"))
    }

    /// A team that files every delay as a question (their rule, not ours): after enough
    /// confirmations the model outvotes the lists and says which words decided it.
    @Test func theModelTakesOverAsConfirmationsAccumulate() {
        var model = KindModel()
        let delays = ["@SkyWings flight delayed again", "@SkyWings delayed two hours now", "@SkyWings why delayed"]
        let praise = ["@SkyWings thanks for the smooth flight", "@SkyWings lovely crew"]
        for round in 0..<200 {
            model.learn(delays[round % delays.count], language: .english, label: .kind(.question))
            model.learn(praise[round % praise.count], language: .english, label: .kind(.positive))
        }
        let text = "@SkyWings my flight is delayed"
        #expect(KindClassifier().suggest(for: text).kind == .complaint)
        let taught = KindClassifier(model: model).suggest(for: text)
        #expect(taught.kind == .question && taught.isSure)
        #expect(taught.modelWords.contains("delayed") && taught.modelShare == 73)
        // Dutch learned nothing: the Dutch lists still decide alone.
        #expect(KindClassifier(model: model).suggest(for: "@VliegNL de vlucht is weer vertraagd").modelShare == 0)
        // Too short to tell: the model of the language whose words it shares speaks.
        let short = KindClassifier(model: model).suggest(for: "@SkyWings delayed")
        #expect(short.language == nil && short.modelLanguage == .english && short.kind == .question)
    }

    /// A cue written twice would count twice: each list names a word once per language.
    @Test func noCueIsWrittenTwice() {
        var seen = Set<String>()
        for cue in ClassifierCue.defaults {
            let key = "\(cue.language?.rawValue ?? "any") \(cue.pattern.words.joined(separator: " "))\(cue.pattern.isPrefix ? "*" : "")"
            #expect(seen.insert(key).inserted, "\(key) is listed twice")
        }
    }
}
