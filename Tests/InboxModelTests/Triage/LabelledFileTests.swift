import Foundation
import Testing
@testable import InboxModel

@Suite struct LabelledFileTests {
    @Test func readsJSONLinesWithOurLabels() throws {
        let file = try LabelledFile(Data("""
            {"text": "@NetVia storing", "label": "complaint", "language": "nl"}

            {"text": "lol", "label": "none"}
            """.utf8))
        #expect(file.entries.map(\.line) == [1, 3])
        #expect(file.entries[0].labels == [.kind(.complaint)] && file.entries[0].languageTag == "nl")
        #expect(file.entries[1].labels == [.noReply] && file.entries[1].languageTag == nil)
    }

    @Test func readsCSVWithATeamsColumnsAndMapping() throws {
        var columns = LabelledFile.Columns()
        columns.label = "airline_sentiment"
        let mapping = try LabelMapping(parsing: "negative=complaint|negative|allegation, neutral=none")
        let file = try LabelledFile(Data("""
            tweet_id,airline_sentiment,text
            1,negative,"@SkyWings delayed, ""again""
            and again"
            2,neutral,@SkyWings ok
            3,positive,@SkyWings thanks
            """.utf8), columns: columns, mapping: mapping)
        #expect(file.entries.map(\.line) == [2, 4, 5])
        #expect(file.entries[0].text == "@SkyWings delayed, \"again\"\nand again")
        #expect(file.entries[0].labels == [.kind(.complaint), .kind(.negative), .kind(.allegation)])
        #expect(file.entries[1].labels == [.noReply] && file.entries[2].labels == [.kind(.positive)])
    }

    @Test func aByteOrderMarkIsNoPartOfTheFirstColumnsName() throws {
        let file = try LabelledFile(Data([0xEF, 0xBB, 0xBF] + Array("text,label\r\n@NetVia storing,complaint\r\n".utf8)))
        #expect(file.entries.map(\.text) == ["@NetVia storing"] && file.entries[0].labels == [.kind(.complaint)])
    }

    @Test func takesOnlyTheRowsAsked() throws {
        var columns = LabelledFile.Columns()
        columns.only = ("split", "test")
        let file = try LabelledFile(Data("""
            {"text": "a", "label": "question", "split": "train"}
            {"text": "b", "label": "question", "split": "test"}
            """.utf8), columns: columns)
        #expect(file.entries.map(\.text) == ["b"])
    }

    @Test func badLinesSayWhereAndWhatWithTheValueInert() {
        func problem(_ text: String, mapping: String = "") -> String {
            do {
                _ = try LabelledFile(Data(text.utf8), mapping: try LabelMapping(parsing: mapping))
                return "no problem"
            } catch {
                return String(describing: error)
            }
        }
        #expect(problem("{\"text\": \"a\", \"label\": \"question\"}\n{\"label\": \"question\"}") == "2: text: missing")
        #expect(problem("{\"text\": \"a\", \"label\": \"neutral\"}")
            == "1: label: 'neutral' is not a kind (question, complaint, positive, negative, allegation, none); map it with --map neutral=KIND")
        #expect(problem("{\"text\": \"a\", \"label\": \"x\u{202E}y\"}").contains("'x⟨U+202E⟩y'"))
        #expect(problem("text,label\n\"open,question") == "2: record: a quoted field does not end")
        #expect(problem("text,label\na,question,extra") == "2: record: 3 fields, the header has 2")
        #expect(problem("{\"text\": [1]") == "1: record: not a JSON object")
        #expect(throws: ImportProblem.self) { try LabelMapping(parsing: "neutral=meh") }
        #expect(throws: ImportProblem.self) { try LabelMapping(parsing: "=complaint") }
    }
}
