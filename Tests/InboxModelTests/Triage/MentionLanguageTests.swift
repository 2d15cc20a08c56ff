import Testing
@testable import InboxModel

@Suite struct MentionLanguageTests {
    @Test(arguments: [
        ("nl", MentionLanguage.dutch), ("en-GB", .english), ("EN", .english), ("nl_BE", .dutch), ("de", .other),
        ("fr-CA", .other),
    ])
    func thePlatformsFieldNamesTheLanguage(_ tag: String, _ language: MentionLanguage) {
        #expect(MentionLanguage(tag: tag) == language)
    }

    @Test func anEmptyOrUndeterminedFieldLeavesItToTheText() {
        #expect(MentionLanguage(tag: nil) == nil && MentionLanguage(tag: "") == nil && MentionLanguage(tag: "und") == nil)
    }

    @Test(arguments: [
        ("@NetVia al 3 dagen geen internet, wanneer is het opgelost", MentionLanguage?.some(.dutch)),
        ("@NetVia my internet has been down since this morning", .english),
        ("@NetVia waarom is de trein weer te laat", .dutch),
        ("@SkyWings why is the flight late again", .english),
        ("@NetVia lol", nil),
        ("#fail https://t.co/x", nil),
    ])
    func theWordsTellDutchFromEnglish(_ text: String, _ language: MentionLanguage?) {
        #expect(MentionLanguage.guess(ClassifierTokens(text).words) == language)
    }
}
