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
            [reaction_times]
            complaint = 15
            [keys.queue]
            x = "tag"
            t = "none"
            """, path: "config.toml")
        #expect(settings.style == .english)
        #expect(settings.rules.allegationWait == 30)
        #expect(settings.deadlines.perKind[.complaint] == 15 * 60)
        #expect(settings.keymap.action(for: .character("x"), in: .queue) == .tag)
        #expect(settings.keymap.action(for: .character("t"), in: .queue) == nil)
        #expect(HelpView.lines(settings.keymap, context: .queue).contains { $0.text.hasPrefix("  x ") })
    }

    @Test(arguments: [
        ("[house]\nstyle = \"fr\"", "config.toml: house.style: 'fr' is not one of nl-je, nl-u, en"),
        ("[house]\nallegation_wait = 5", "config.toml: house.allegation_wait: 5 is under the ten seconds"),
        ("[keys.queue]\nj = \"jump\"", "config.toml: keys.queue.j: no action 'jump'"),
        ("[keys.queue]\n\"<Nope>\" = \"tag\"", "config.toml: keys.queue.<Nope>: '<Nope>' is not a key name"),
        ("[colours]\nx = 1", "config.toml: colours: unknown setting"),
        ("[house\nstyle = 1", "config.toml:1: "),
    ]) func mistakesNameTheSetting(text: String, message: String) {
        #expect(throws: ConfigFile.Problem.self) { try ConfigFile.parse(text, path: "config.toml") }
        do {
            _ = try ConfigFile.parse(text, path: "config.toml")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }
}
