import Testing
@testable import InboxModel

/// Every default template, in every style, filled in with realistic values,
/// fits one 140-character tweet under twitter-text v1 and uses only variables
/// the composer can fill.
@Suite struct TemplateTests {
    /// Long but real Dutch and English values: a long first name, a position
    /// of the length teams write, a solution and a department answer.
    static let values = TemplateValues(
        name: "Annemieke", agent: "Mirjam",
        position: "We verkopen geen klantgegevens, aan niemand; het bericht klopt niet.",
        solution: "de storing in je straat is om 14:00 verholpen",
        answer: "verhuizen duurt 5 werkdagen, je regelt het in de app")

    static let known: Set<String> = ["name", "agent", "position", "solution", "answer"]

    @Test(arguments: ReplyPurpose.allCases)
    func everyTemplateFitsATweet(_ purpose: ReplyPurpose) {
        for style in ReplyStyle.allCases {
            let template = DefaultTemplates.template(for: purpose, style: style)
            #expect(Set(template.variables).isSubset(of: Self.known), "\(purpose) \(style): \(template.variables)")
            #expect(template.variables.contains("name"), "\(purpose) \(style) does not greet the author")
            let text = template.expanded(with: Self.values)
            #expect(!text.contains("{"), "\(purpose) \(style) left a variable: \(text)")
            let length = ReplyLength(of: text, rules: .twitterV1)
            #expect(length.isValid, "\(purpose) \(style) is \(length.weightedLength)/140: \(text)")
            #expect(RespectCheck.problem(in: text) == nil)
        }
    }

    @Test func dutchStylesAddressTheReaderAsTheyShould() {
        for purpose in ReplyPurpose.allCases {
            let informal = DefaultTemplates.template(for: purpose, style: .dutchInformal).text.lowercased()
            let formal = DefaultTemplates.template(for: purpose, style: .dutchFormal).text.lowercased()
            let words = { (text: String) in Set(text.split { !$0.isLetter }.map(String.init)) }
            #expect(words(formal).isDisjoint(with: ["je", "jij", "jou", "jouw"]), "\(purpose) formal says je: \(formal)")
            #expect(words(informal).isDisjoint(with: ["u", "uw"]), "\(purpose) informal says u: \(informal)")
        }
    }

    @Test func expansionIsOnePassSoBracesInANameStayLiteral() {
        let template = ReplyTemplate("Hoi {name}, {solution}. ^{agent}")
        let values = TemplateValues(name: "{solution}", agent: "Mirjam")
        #expect(template.expanded(with: values) == "Hoi {solution}, {solution}. ^Mirjam")
        #expect(template.variables == ["name", "solution", "agent"])
    }
}

@Suite struct ReplyStyleTests {
    @Test func anEnglishMentionGetsTheEnglishTemplateInADutchTeam() {
        #expect(ReplyStyle.forMention(language: "en", house: .dutchInformal) == .english)
        #expect(ReplyStyle.forMention(language: "en-GB", house: .dutchFormal) == .english)
        #expect(ReplyStyle.forMention(language: "nl", house: .dutchFormal) == .dutchFormal)
        #expect(ReplyStyle.forMention(language: nil, house: .dutchInformal) == .dutchInformal)
        #expect(ReplyStyle.forMention(language: "nl", house: .english) == .english)
    }
}
