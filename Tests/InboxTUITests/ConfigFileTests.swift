import InboxModel
import Testing
@testable import InboxTUI

/// config.toml: the printed defaults read back as the defaults, changes take effect, and
/// a mistake names the file and the setting.
@Suite struct ConfigFileTests {
    @Test func printedDefaultsReadBackAsTheDefaults() throws {
        let settings = try ConfigFile.parse(DefaultConfig.text, path: "config.toml")
        #expect(settings == AppState.Settings())
    }

    @Test func changesTakeEffect() throws {
        let settings = try ConfigFile.parse("""
            [house]
            style = "en"
            allegation_wait = 30
            reopen_dm_days = 2
            pause_clock_with_department = true
            [reaction_times]
            complaint = 15
            [alerts]
            spreading_mentions = 3
            influential_followers = 5000
            [keys.queue]
            x = "tag"
            t = "none"
            """, path: "config.toml")
        #expect(settings.alerts.spreadingMentions == 3 && settings.alerts.influentialFollowers == 5000)
        #expect(settings.alerts.spreadingMinutes == AlertThresholds().spreadingMinutes)
        #expect(settings.style == .english)
        #expect(settings.rules.allegationWait == 30)
        #expect(settings.caseRule.reopenWindow == 2 * 86_400 && settings.rules.pauseWithDepartment)
        #expect(settings.deadlines.perKind[.complaint] == 15 * 60)
        #expect(settings.keymap.action(for: .character("x"), in: .queue) == .tag)
        #expect(settings.keymap.action(for: .character("t"), in: .queue) == nil)
        #expect(HelpView.lines(settings.keymap, context: .queue).contains { $0.text.hasPrefix("  x ") })
    }

    @Test(arguments: [
        ("[house]\nstyle = \"fr\"", "config.toml:2: house.style: 'fr' is not one of nl-je, nl-u, en"),
        ("[house]\nallegation_wait = 5", "config.toml:2: house.allegation_wait: 5 is under the ten seconds"),
        ("[house]\nallegation_wait = 86400", "config.toml:2: house.allegation_wait: 86400 is over the 3600 seconds"),
        ("[house]\nreopen_dm_days = -1", "config.toml:2: house.reopen_dm_days: -1 is not from 0 to 365 days"),
        ("[house]\npause_clock_with_department = 1", "config.toml:2: house.pause_clock_with_department: must be true or false"),
        ("[keys.queue]\nj = \"jump\"", "config.toml:2: keys.queue.j: no action 'jump'"),
        ("[keys.queue]\n\"<Nope>\" = \"tag\"", "config.toml:2: keys.queue.<Nope>: '<Nope>' is not a key name"),
        ("\n[colours]\nx = 1", "config.toml:2: colours: unknown setting"),
        ("[alerts]\nspreading_minutes = 0", "config.toml:2: alerts.spreading_minutes: 0 is not from 1 to 1440"),
        ("[alerts]\nwithin_deadline_percent = 101", "config.toml:2: alerts.within_deadline_percent: 101 is not from 0 to 100"),
        ("[alerts]\nspreading = 3", "config.toml:2: alerts.spreading: unknown setting"),
        ("[house\nstyle = 1", "config.toml:1: "),
        ("[house]\nstyle = \"en\"\n\nstyle = \"nl-u\"", "config.toml:4: house.style is set twice (first on line 2)"),
        ("[house]\n[house]", "config.toml:2: table [house] declared twice"),
        ("[reaction_times]\ncomplaint = 153722867280912931",
         "config.toml:2: reaction_times.complaint: 153722867280912931 minutes is more than a year"),
        ("[reaction_times]\ncomplaint = 99999999999999999999", "config.toml:2: '99999999999999999999' is not a number"),
        ("[reaction_times.dm]\nquestion = 0", "config.toml:2: reaction_times.dm.question: minutes must be more than 0"),
        ("[house]\nsignature = \"^M\\u001b]0;pwned\\u0007\"",
         "config.toml:2: house.signature: contains a control character: '^M␛]0;pwned␇'"),
        ("[house]\nstyle = \"\u{1B}[2J\"", "config.toml:2: control character U+1B in a string"),
    ]) func mistakesNameTheFileLineAndSetting(text: String, message: String) {
        do {
            _ = try ConfigFile.parse(text, path: "config.toml")
            Issue.record("no problem reported for \(text)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "\(error.description)")
        }
    }

    /// Inputs that made TOMLKit's bundled toml++ abort the process (a C++ assert in
    /// parse_key), and others a fuzzer tries: each is a message, never a crash.
    @Test(arguments: [
        "[(]", "[a.(]", "[\"a\".]", "a.=1", "[]", "[[a]]", String(repeating: "a = [", count: 1) + String(repeating: "[", count: 40),
        "a = {b = {c = {", "a = \"\\u", "a = \"\\uD800\"", "a = '''", "a = \"\"\"x", "a = 1979-05-27", "a = +", "a = 0x",
        "a = 1__0", "a.b = 1\na = 2", "a = 1\na.b = 2", "a = { b = 1, b = 2 }", "a = \u{FEFF}1", "a = 1 b",
    ]) func malformedFilesAreMessages(text: String) {
        #expect(throws: ConfigFile.Problem.self) { try ConfigFile.parse(text, path: "config.toml") }
    }

    @Test func tomlAsWrittenByHand() throws {
        let document = try TOMLDocument(#"""
            # comment
            [keys]   # trailing comment
            "queue".'x' = "tag"
            [house]
            departments = [
              "Klantenservice", # first
              'Techniek',
            ]
            signature = """
            ^M\
               ir"""
            allegation_wait = 1_0
            flag = true
            ratio = 1.5e3
            hex = 0xff
            inline = { a = 1, b.c = "d" }
            """#)
        let house = try #require(document.root["house"]?.table)
        #expect(house["departments"]?.array?.compactMap(\.string) == ["Klantenservice", "Techniek"])
        #expect(house["signature"]?.string == "^Mir")
        #expect(house["allegation_wait"]?.integer == 10)
        #expect(house["allegation_wait"]?.line == 12)
        #expect(house["flag"]?.content == .boolean(true))
        #expect(house["ratio"]?.content == .float(1500))
        #expect(house["hex"]?.integer == 255)
        #expect(house["inline"]?.table?["b"]?.table?["c"]?.string == "d")
        #expect(document.root["keys"]?.table?["queue"]?.table?["x"]?.string == "tag")
    }

    @Test func aBoundKeyReplacesTheDefaultKeyOfItsAction() throws {
        let settings = try ConfigFile.parse("[keys.queue]\nx = \"tag\"\n[keys.mention]\nR = \"reply\"", path: "config.toml")
        #expect(settings.keymap.action(for: .character("x"), in: .queue) == .tag)
        #expect(settings.keymap.action(for: .character("t"), in: .queue) == nil)
        #expect(settings.keymap.action(for: .character("R"), in: .mention) == .reply)
        #expect(settings.keymap.action(for: .character("r"), in: .mention) == nil)
        // Other actions keep their keys.
        #expect(settings.keymap.action(for: .character("j"), in: .queue) == .moveDown)
    }

    @Test func directMessageDeadlinesAreSettings() throws {
        let settings = try ConfigFile.parse("[reaction_times.dm]\nquestion = 30\nnegative = 45", path: "config.toml")
        #expect(settings.deadlines.seconds(for: .question, on: .dm) == 30 * 60)
        #expect(settings.deadlines.seconds(for: .negative, on: .dm) == 45 * 60)
        #expect(settings.deadlines.seconds(for: .question, on: .twitter)
                == AppState.Settings().deadlines.seconds(for: .question, on: .twitter))
    }
}
