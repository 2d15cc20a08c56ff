import ArgumentParser
import InboxModel

/// `webcare config`: where the configuration lives, and the defaults to start one from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the configuration file's place, check it, or print the defaults.",
        discussion: "Start one with: webcare config --print-default > ~/.config/webcare/config.toml"
    )

    @Flag(help: "Print a config.toml holding every default setting and key binding.")
    var printDefault = false

    @OptionGroup var options: ConfigOptions

    func run() throws {
        if printDefault {
            print(DefaultConfig.text, terminator: "")
            return
        }
        let shown = VisibleText.line(options.path)
        do {
            guard let text = try ConfigFile.text(at: options.path) else {
                print("\(shown): no such file; the defaults apply (webcare config --print-default shows them)")
                return
            }
            _ = try ConfigFile.parse(text, path: options.path)
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(2)
        }
        print("\(shown): ok")
    }
}

/// `--config`, shared by the commands that read config.toml.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file.", discussion: "Default: $XDG_CONFIG_HOME/webcare/config.toml.",
                                            valueName: "path"))
    var config: String?

    var path: String { config ?? ConfigFile.defaultPath }

    /// The settings, or exit 2 with the file, setting and what is wrong.
    func load() throws -> AppState.Settings {
        do {
            return try ConfigFile.load(path: path)
        } catch {
            StandardStreams.error("webcare: \(error)")
            throw ExitCode(2)
        }
    }
}
