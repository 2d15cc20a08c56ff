import InboxModel
import Testing

/// extract.yml: the URL sections, which decide what counts as 23 characters.
@Suite struct TwitterTextExtractTests {
    @Test(arguments: ConformanceSuite.cases("extract.yml", "urls")
        + ConformanceSuite.cases("extract.yml", "tco_urls_with_params"))
    func urls(_ test: ConformanceSuite.Case) {
        guard case let .strings(expected) = test.expected else { Issue.record("bad case"); return }
        #expect(URLEntity.all(in: test.text).map { $0.text(in: test.text) } == expected)
    }

    @Test(arguments: ConformanceSuite.cases("extract.yml", "urls_with_indices")
        + ConformanceSuite.cases("extract.yml", "urls_with_directional_markers"))
    func urlsWithIndices(_ test: ConformanceSuite.Case) {
        guard case let .urlsWithIndices(expected) = test.expected else { Issue.record("bad case"); return }
        let found = URLEntity.all(in: test.text)
        #expect(found.map { "\($0.text(in: test.text)) \($0.start)..<\($0.end)" }
            == expected.map { "\($0.url) \($0.start)..<\($0.end)" })
    }
}
