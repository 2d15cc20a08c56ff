@testable import InboxModel
import Foundation
import Testing
import Yams

/// tlds.yml: every TLD twitter-text knows ends a URL; and the generated list is the YAML's.
@Suite struct TopLevelDomainTests {
    @Test(arguments: ConformanceSuite.cases("tlds.yml", "country") + ConformanceSuite.cases("tlds.yml", "generic"))
    func everyTLDEndsAURL(_ test: ConformanceSuite.Case) {
        guard case let .strings(expected) = test.expected else { Issue.record("bad case"); return }
        #expect(URLEntity.all(in: test.text).map { $0.text(in: test.text) } == expected)
    }

    @Test func generatedListMatchesTheYAML() throws {
        let yaml = try String(contentsOf: ConformanceSuite.url("tld_lib.yml"), encoding: .utf8)
        let lib = try #require(try Yams.load(yaml: yaml) as? [String: [String]])
        #expect(TopLevelDomains.generic == lib["generic"]?.sorted(by: >))
        #expect(TopLevelDomains.country == lib["country"]?.sorted(by: >))
    }
}
