import Foundation
import InboxModel
import Testing

/// Cases twitter-text's suite does not cover but a Dutch webcare team meets daily.
@Suite struct ReplyLengthTests {
    @Test func dutchAccentsTypedDecomposedCountAsOneCharacterEach() {
        let composed = "Wij zoeken het uit, één moment: café, reëel, geïnteresseerd."
        let decomposed = composed.decomposedForTest
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        let length = ReplyLength(of: decomposed)
        #expect(length.weightedLength == composed.unicodeScalars.count)
        #expect(length == ReplyLength(of: composed).withUTF16Length(of: decomposed))
    }

    @Test func overflowInDecomposedTextStartsAtACharacterOfTheTextAsTyped() {
        let text = String(repeating: "e\u{301}", count: 141)
        let length = ReplyLength(of: text)
        #expect(length.weightedLength == 141)
        #expect(length.fittingUTF16Length == 280)
        #expect(length.overflow(in: text) == "e\u{301}")
    }

    /// Letters and marks composed while decoding must agree with Foundation's NFC, and the
    /// overflow must point into the text as typed: every ASCII letter with every mark of
    /// U+0300–036F, alone, before a second mark, and before a plain letter.
    @Test func everyLetterAndMarkCountsAsFoundationsNFCDoes() {
        let letters = (0x41...0x5A).map { $0 } + (0x61...0x7A).map { $0 }
        var differ: [String] = []
        for letter in letters {
            for mark in 0x300...0x36F {
                let pair = String(UnicodeScalar(letter)!) + String(UnicodeScalar(mark)!)
                for text in [pair, "Hoi " + pair + "k", pair + "\u{323}", pair + "\u{301}z"] {
                    let expected = text.precomposedStringWithCanonicalMapping.unicodeScalars.count
                    let length = ReplyLength(of: text)
                    if length.weightedLength != expected || length.utf16Length != text.utf16.count {
                        differ.append(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
                    }
                }
            }
        }
        #expect(differ.isEmpty, "\(differ.count) differ, e.g. \(differ.prefix(5))")
    }

    @Test func overflowAfterComposedLettersStartsWhereTheTextAsTypedDoes() {
        let text = String(repeating: "cafe\u{301} ", count: 30)  // 150 characters, 180 typed
        let length = ReplyLength(of: text)
        #expect(length.weightedLength == 150)
        #expect(length.fittingUTF16Length == 28 * 6)  // 28 words of five characters, six typed
        #expect(length.overflow(in: text) == String(repeating: "cafe\u{301} ", count: 2))
    }

    @Test func crlfCountsAsOneLineBreak() {
        #expect(ReplyLength(of: "Hoi Anna,\r\nWe kijken ernaar.").weightedLength == 27)
        #expect(ReplyLength(of: "Hoi Anna,\nWe kijken ernaar.").weightedLength == 27)
        #expect(ReplyLength(of: "a\rb").weightedLength == 3)
    }

    @Test func aReplyOfOnlyURLsCountsTwentyThreeEach() {
        #expect(ReplyLength(of: "https://example.com/a-very-long-path/that/goes/on/and/on?with=query").weightedLength == 23)
        #expect(ReplyLength(of: "https://a.nl https://b.nl\nwww.c.nl").weightedLength == 23 * 3 + 2)
        let five = Array(repeating: "https://example.com/status", count: 5).joined(separator: " ")
        #expect(ReplyLength(of: five).weightedLength == 5 * 23 + 4)
        #expect(ReplyLength(of: five).isValid)
        #expect(ReplyLength(of: five + " " + five).problem == .tooLong(by: 10 * 23 + 9 - 140))
    }

    @Test func oneHundredFortyFitsAndOneHundredFortyOneDoesNot() {
        let fits = ReplyLength(of: String(repeating: "a", count: 140))
        #expect(fits.isValid && fits.remaining == 0 && !fits.overflows)
        let over = ReplyLength(of: String(repeating: "a", count: 141))
        #expect(over.problem == .tooLong(by: 1) && over.remaining == -1 && over.fittingUTF16Length == 140)
        let urlAtTheEdge = String(repeating: "b", count: 116) + " https://example.com/x"
        #expect(ReplyLength(of: urlAtTheEdge).weightedLength == 140)
        #expect(ReplyLength(of: urlAtTheEdge + "!").problem == .tooLong(by: 1))
    }

    @Test func overflowCutsBeforeAURLThatDoesNotFitWhole() {
        let text = String(repeating: "c", count: 130) + " https://example.com"
        let length = ReplyLength(of: text)
        #expect(length.weightedLength == 154)
        #expect(length.overflow(in: text) == "https://example.com")
    }

    @Test func emptyAndBlankRepliesAreRefused() {
        #expect(ReplyLength(of: "").problem == .empty)
        #expect(ReplyLength(of: " \n\t ").problem == .blank)
        #expect(ReplyLength(of: "\u{200B}\u{2800}\u{3164}").problem == .blank)
        #expect(ReplyLength(of: " . ").isValid)
    }

    @Test func noncharactersAndTheByteOrderMarkMakeAReplyInvalid() {
        for invalid in ["\u{FEFF}", "\u{FFFE}", "\u{FFFF}"] {
            let length = ReplyLength(of: "Dank je 👍\(invalid) wel")
            #expect(length.problem == .invalidCharacter(invalid.unicodeScalars.first!.value, utf16Offset: 10))
            #expect(length.fittingUTF16Length == 10)
        }
    }

    @Test func v1CountsCodePointsAndV3CountsEmojiSequencesOnce() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
        #expect(ReplyLength(of: family, rules: .twitterV1).weightedLength == 7)
        #expect(ReplyLength(of: family, rules: .twitterV3).weightedLength == 2)
        #expect(ReplyLength(of: "🇳🇱", rules: .twitterV3).weightedLength == 2)
        #expect(ReplyLength(of: "👍🏽", rules: .twitterV3).weightedLength == 2)
        #expect(ReplyLength(of: "©", rules: .twitterV3).weightedLength == 1)
        #expect(ReplyLength(of: "©\u{FE0F}", rules: .twitterV3).weightedLength == 2)
        #expect(ReplyLength(of: "日本", rules: .twitterV3).weightedLength == 4)
        #expect(ReplyLength(of: "日本", rules: .twitterV1).weightedLength == 2)
    }

    @Test(arguments: [
        (ReplyChannel.facebook, 8_000), (.linkedin, 1_250), (.instagram, 2_200), (.dm, 10_000),
    ])
    func otherChannelsHavePlainLimitsInUTF16Units(_ channel: ReplyChannel, _ limit: Int) {
        let rules = channel.rules()
        #expect(rules.limit == limit)
        #expect(ReplyLength(of: String(repeating: "x", count: limit), rules: rules).isValid)
        #expect(ReplyLength(of: String(repeating: "x", count: limit + 1), rules: rules).problem == .tooLong(by: 1))
        #expect(ReplyLength(of: "😷 https://example.com", rules: rules).weightedLength == 22)
    }

    @Test func emailHasNoLimit() {
        let length = ReplyLength(of: String(repeating: "Beste klant, ", count: 5_000), rules: ReplyChannel.email.rules())
        #expect(length.isValid && length.limit == nil && length.remaining == nil)
    }

    @Test func twitterDefaultsToTheV1Rules() {
        #expect(ReplyChannel.twitter.rules() == .twitterV1)
        #expect(ReplyChannel.twitter.rules(twitterRules: .twitterV3).limit == 280)
    }
}

extension String {
    /// NFD, as some keyboards and macOS file names deliver accented letters.
    var decomposedForTest: String {
        var out = ""
        for character in self {
            switch character {
            case "é": out += "e\u{301}"
            case "ë": out += "e\u{308}"
            case "ï": out += "i\u{308}"
            default: out.append(character)
            }
        }
        return out
    }
}

extension ReplyLength {
    /// The same measurement for a text whose UTF-16 length differs (NFD vs NFC input).
    func withUTF16Length(of text: String) -> ReplyLength { ReplyLength(of: text, rules: rules) }
}
