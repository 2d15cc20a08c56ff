import Foundation
import Testing

/// `webcare check` driven through the real binary: output as agents read it, exit
/// statuses as scripts rely on them.
@Suite struct CheckCommandTests {
    @Test func versionAndHelp() throws {
        let version = try WebcareProcess.run(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
        let help = try WebcareProcess.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("check"))
        let checkHelp = try WebcareProcess.run(["check", "--help"])
        #expect(checkHelp.status == 0 && checkHelp.stdout.contains("--each") && checkHelp.stdout.contains("linkedin"))
    }

    @Test func aReplyThatFits() throws {
        let result = try WebcareProcess.run(["check", "Hoi @anna, we zoeken het uit: https://example.com/status/42"])
        #expect(result.status == 0)
        #expect(result.stdout == "53/140, 87 left\n")
    }

    @Test func aReplyThatIsTooLongShowsWhatDoesNotFit() throws {
        let text = String(repeating: "a", count: 138) + " tot straks"
        let result = try WebcareProcess.run(["check", text])
        #expect(result.status == 1)
        #expect(result.stdout == "149/140, 9 too many\ndoes not fit: \"ot straks\"\n")
    }

    @Test func standardInputWithoutItsFinalLineBreak() throws {
        let result = try WebcareProcess.run(["check"], stdin: "Dank je wel!\n")
        #expect(result.status == 0 && result.stdout == "12/140, 128 left\n")
        let dash = try WebcareProcess.run(["check", "-", "--rules", "v3"], stdin: "日本\n")
        #expect(dash.stdout == "4/280, 276 left\n")
    }

    @Test func invalidUTF8IsBadInput() throws {
        let result = try WebcareProcess.run(["check"], stdin: Data([0x6F, 0x6B, 0xFF, 0x0A]))
        #expect(result.status == 2)
        #expect(result.stderr.contains("stdin: not valid UTF-8 at byte 3"))
    }

    @Test func emptyAndInvalidCharactersExitOne() throws {
        let empty = try WebcareProcess.run(["check", ""])
        #expect(empty.status == 1 && empty.stdout == "0/140, 140 left: the reply is empty\n")
        let bom = try WebcareProcess.run(["check", "x\u{FEFF}"])
        #expect(bom.status == 1 && bom.stdout.contains("U+FEFF (ZERO WIDTH NO-BREAK SPACE) at character 2"))
    }

    @Test func jsonCarriesEveryFigure() throws {
        let result = try WebcareProcess.run(["check", "--json", "--channel", "linkedin", "Bedankt!"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        #expect(object["weightedLength"] as? Int == 8)
        #expect(object["limit"] as? Int == 1250)
        #expect(object["remaining"] as? Int == 1242)
        #expect(object["valid"] as? Bool == true)
        #expect(object["reason"] is NSNull)
        #expect(object["channel"] as? String == "linkedin")
    }

    @Test func splitShowsNumberedPartsThatFit() throws {
        let text = Array(repeating: "We kijken naar je bestelling.", count: 8).joined(separator: " ")
        let result = try WebcareProcess.run(["check", "--split", "--json", text])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        let parts = try #require(object["parts"] as? [[String: Any]])
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { ($0["weightedLength"] as? Int ?? 999) <= 140 })
        #expect((parts[1]["text"] as? String)?.hasSuffix(" (2/2)") == true)
    }

    @Test func eachReadsJSONLinesAndWritesOneResultPerLine() throws {
        let input = "\"Hoi\"\n\"\"\n\"caf\\u00e9 \\ud83d\\ude37\"\n\"\(String(repeating: "x", count: 141))\"\n"
        let result = try WebcareProcess.run(["check", "--each"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout == """
            {"weightedLength":3,"valid":true,"reason":null}
            {"weightedLength":0,"valid":false,"reason":"the reply is empty"}
            {"weightedLength":6,"valid":true,"reason":null}
            {"weightedLength":141,"valid":false,"reason":"the reply is 1 character too long"}

            """)
    }

    @Test func eachStopsAtAMalformedLineNamingIt() throws {
        let result = try WebcareProcess.run(["check", "--each"], stdin: "\"een\"\n\"twee\"\nthree\n\"vier\"\n")
        #expect(result.status == 2)
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.stderr.contains("stdin:3: expected a JSON string"))
        let surrogate = try WebcareProcess.run(["check", "--each"], stdin: "\"\\ud800\"\n")
        #expect(surrogate.status == 2 && surrogate.stderr.contains("stdin:1: unpaired surrogate"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try WebcareProcess.run(["check", "--rules", "v9", "x"]).status == 2)
        #expect(try WebcareProcess.run(["check", "--channel", "email", "--rules", "v3", "x"]).status == 2)
        #expect(try WebcareProcess.run(["check", "--each", "text"]).status == 2)
        #expect(try WebcareProcess.run(["nonsense"]).status == 2)
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let hostile = String(repeating: "z", count: 139) + " \u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}evil"
        let result = try WebcareProcess.run(["check", hostile])
        #expect(result.status == 1)
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!result.stdout.contains("\u{202E}"))
        #expect(result.stdout.contains("␛]0;pwned␇␛[2J⟨U+202E⟩evil"))
    }
}
