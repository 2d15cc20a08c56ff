import InboxModel
import Testing
import TestSupport

@Suite struct ReplySplitterTests {
    private let rules = ReplyRules.twitterV1

    @Test func aReplyThatFitsIsNotSplit() throws {
        #expect(try ReplySplitter.split("Kort antwoord.", rules: rules) == ["Kort antwoord."])
    }

    @Test func partsAreNumberedAndEachFits() throws {
        let text = Array(repeating: "Wij bekijken je bestelling en komen vandaag bij je terug.", count: 5).joined(separator: " ")
        let parts = try ReplySplitter.split(text, rules: rules)
        #expect(parts.count == 3)
        for (index, part) in parts.enumerated() {
            #expect(part.hasSuffix(" (\(index + 1)/3)"))
            #expect(ReplyLength(of: part, rules: rules).isValid)
        }
    }

    /// Property: for many generated replies, every part is valid, the words come back in
    /// order, and URLs, mentions and hashtags are never cut.
    @Test func generatedRepliesSplitIntoValidPartsWithoutBreakingTokens() throws {
        var generator = SeededGenerator(seed: 2026)
        let words = ["bedankt", "voor", "je", "bericht", "@klantenservice", "#storing", "https://example.com/status/1234567890",
                     "www.ns.nl/reisinfo", "één", "日本語のテキスト", "👨\u{200D}👩\u{200D}👧", "\n", "café"]
        for _ in 0..<300 {
            let count = Int(generator.next() % 120) + 1
            let text = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            let parts = try ReplySplitter.split(text, rules: rules)
            let stripped = parts.map { part -> String in
                guard parts.count > 1, let suffix = part.range(of: " (", options: .backwards) else { return part }
                return String(part[..<suffix.lowerBound])
            }
            for part in parts { #expect(ReplyLength(of: part, rules: rules).isValid, "\(part)") }
            let tokens = { (s: String) in s.split(whereSeparator: \.isWhitespace).map(String.init) }
            let rejoined = stripped.flatMap(tokens)
            #expect(rejoined.joined() == tokens(text).joined(), "characters lost or reordered")
            for token in rejoined where token.hasPrefix("@") || token.hasPrefix("#") || token.hasPrefix("http") || token.hasPrefix("www") {
                #expect(words.contains(token), "token cut: \(token)")
            }
        }
    }

    @Test func textWithoutSpacesIsBrokenBetweenCharacters() throws {
        let text = String(repeating: "日本語のテキスト", count: 40)
        let parts = try ReplySplitter.split(text, rules: rules)
        #expect(parts.count == 3)
        #expect(parts.map { String($0.dropLast(6)) }.joined() == text)
    }

    @Test func moreThanNineParts() throws {
        let text = Array(repeating: "woord", count: 400).joined(separator: " ")
        let parts = try ReplySplitter.split(text, rules: rules)
        #expect(parts.count >= 10)
        #expect(parts.last!.hasSuffix("/\(parts.count))"))
        for part in parts { #expect(ReplyLength(of: part, rules: rules).isValid) }
    }

    @Test func whatSplittingCannotMendIsReported() {
        #expect(throws: ReplySplitter.Failure.unsplittable(.empty)) { try ReplySplitter.split("", rules: rules) }
        let hashtag = "#" + String(repeating: "a", count: 150)
        #expect(throws: ReplySplitter.Failure.tokenTooLong(hashtag)) { try ReplySplitter.split("zie \(hashtag)", rules: rules) }
    }
}
