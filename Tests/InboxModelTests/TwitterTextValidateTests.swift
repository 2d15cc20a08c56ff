import InboxModel
import Testing

/// validate.yml: the tweets and lengths sections under v1, the weighted sections under the
/// configurations they were written for.
@Suite struct TwitterTextValidateTests {
    @Test(arguments: ConformanceSuite.cases("validate.yml", "tweets"))
    func tweetsUnderV1(_ test: ConformanceSuite.Case) {
        guard case let .bool(valid) = test.expected else { Issue.record("bad case"); return }
        #expect(ReplyLength(of: test.text, rules: .twitterV1).isValid == valid)
    }

    @Test(arguments: ConformanceSuite.cases("validate-2018-lengths.yml", "lengths"))
    func historicalLengthsUnderV1(_ test: ConformanceSuite.Case) {
        guard case let .int(length) = test.expected else { Issue.record("bad case"); return }
        #expect(ReplyLength(of: test.text, rules: .twitterV1).weightedLength == length)
    }

    @Test(arguments: ConformanceSuite.cases("validate.yml", "WeightedTweetsCounterTest"))
    func weightedUnderV2(_ test: ConformanceSuite.Case) {
        check(test, rules: .twitterV2)
    }

    @Test(arguments: ConformanceSuite.cases("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest"))
    func weightedWithEmojiUnderV3(_ test: ConformanceSuite.Case) {
        check(test, rules: .twitterV3)
    }

    @Test(arguments: ConformanceSuite.cases("validate.yml", "UnicodeDirectionalMarkerCounterTest"))
    func directionalMarkersUnderV3(_ test: ConformanceSuite.Case) {
        check(test, rules: .twitterV3)
    }

    /// Every field twitter-text's parseTweet returns, in its own terms (inclusive UTF-16
    /// ranges, where "nothing fits" is also 0).
    private func check(_ test: ConformanceSuite.Case, rules: ReplyRules) {
        guard case let .parseResult(expected) = test.expected else { Issue.record("bad case"); return }
        let length = ReplyLength(of: test.text, rules: rules)
        let actual: [String: Int] = [
            "weightedLength": length.weightedLength,
            "valid": length.isValid ? 1 : 0,
            "permillage": length.permillage ?? -1,
            "displayRangeStart": 0,
            "displayRangeEnd": max(length.utf16Length - 1, 0),
            "validRangeStart": 0,
            "validRangeEnd": max(length.fittingUTF16Length - 1, 0),
        ]
        #expect(actual == expected)
    }
}
