import Foundation
import InboxModel
import TOMLKit

/// `config.toml`: the house rules (reply style, signature, the count-to-ten, reaction
/// times, departments, Twitter counting) and key bindings. Every setting is optional;
/// `webcare config --print-default` prints the file with every default filled in.
enum ConfigFile {
    /// Why the file cannot be used, naming the file and the setting at fault.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// `$XDG_CONFIG_HOME/webcare/config.toml`, else `~/.config/webcare/config.toml`.
    static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/webcare/config.toml"
    }

    /// The settings in the file at `path`; the defaults when there is no such file.
    static func load(path: String) throws(Problem) -> AppState.Settings {
        guard let data = FileManager.default.contents(atPath: path) else { return AppState.Settings() }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    static func parse(_ text: String, path: String) throws(Problem) -> AppState.Settings {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Problem(description: "\(path):\(error.source.begin.line): \(error.description)")
        } catch {
            throw Problem(description: "\(path): \(error)")
        }
        var settings = AppState.Settings()
        let reader = Reader(path: path)
        try reader.checkKeys(table, allowed: ["house", "reaction_times", "keys"], at: "")
        if let house = try reader.table(table, "house") {
            try reader.checkKeys(house, allowed: ["style", "signature", "allegation_wait", "departments", "twitter_rules"],
                                 at: "house")
            if let style = try reader.string(house, "style", at: "house") {
                guard let value = ReplyStyle(rawValue: style) else {
                    throw reader.problem("house.style", "'\(style)' is not one of nl-je, nl-u, en")
                }
                settings.style = value
            }
            if let signature = try reader.string(house, "signature", at: "house"), !signature.isEmpty {
                settings.signature = signature
            }
            if let wait = try reader.integer(house, "allegation_wait", at: "house") {
                guard wait >= HouseRules.minimumAllegationWait else {
                    throw reader.problem("house.allegation_wait", "\(wait) is under the ten seconds the flow never goes below")
                }
                settings.rules.allegationWait = wait
            }
            if let departments = try reader.strings(house, "departments", at: "house") {
                settings.departments = departments
            }
            if let rules = try reader.string(house, "twitter_rules", at: "house") {
                switch rules {
                case "v1": settings.rules.twitterRules = .twitterV1
                case "v3": settings.rules.twitterRules = .twitterV3
                default: throw reader.problem("house.twitter_rules", "'\(rules)' is not v1 or v3")
                }
            }
        }
        if let times = try reader.table(table, "reaction_times") {
            let names = MentionKind.allCases.map(\.rawValue) + ["triage"]
            try reader.checkKeys(times, allowed: names, at: "reaction_times")
            for name in names {
                guard let minutes = try reader.integer(times, name, at: "reaction_times") else { continue }
                guard minutes > 0 else { throw reader.problem("reaction_times.\(name)", "minutes must be more than 0") }
                if let kind = MentionKind(rawValue: name) {
                    settings.deadlines.perKind[kind] = minutes * 60
                } else {
                    settings.deadlines.triage = minutes * 60
                }
            }
        }
        if let keys = try reader.table(table, "keys") {
            try reader.checkKeys(keys, allowed: KeyContext.allCases.map(\.rawValue), at: "keys")
            for context in KeyContext.allCases {
                guard let bindings = try reader.table(keys, context.rawValue, at: "keys") else { continue }
                for name in bindings.keys.sorted() {
                    let at = "keys.\(context.rawValue).\(name)"
                    guard let key = Key(name: name) else {
                        throw reader.problem(at, "'\(name)' is not a key name (j, G, <Down>, <PgDn>, <Enter>, ^L, <Ctrl-L>)")
                    }
                    guard let actionName = bindings[name]?.string else { throw reader.problem(at, "must be an action name") }
                    if actionName == "none" {
                        settings.keymap.bind(key, to: nil, in: context)
                        continue
                    }
                    guard let action = Action(rawValue: actionName) else {
                        throw reader.problem(at, "no action '\(actionName)'; webcare config --print-default lists them")
                    }
                    settings.keymap.bind(key, to: action, in: context)
                }
            }
        }
        return settings
    }

    /// Typed reads that name `path` and the setting when the type is wrong.
    private struct Reader {
        let path: String

        func problem(_ setting: String, _ what: String) -> Problem {
            Problem(description: "\(path): \(setting): \(what)")
        }

        func checkKeys(_ table: TOMLTable, allowed: [String], at prefix: String) throws(Problem) {
            for key in table.keys.sorted() where !allowed.contains(key) {
                throw problem(prefix.isEmpty ? key : "\(prefix).\(key)",
                              "unknown setting; known here: \(allowed.joined(separator: ", "))")
            }
        }

        func table(_ table: TOMLTable, _ key: String, at prefix: String = "") throws(Problem) -> TOMLTable? {
            guard let value = table[key] else { return nil }
            guard let result = value.table else { throw problem(join(prefix, key), "must be a table") }
            return result
        }

        func string(_ table: TOMLTable, _ key: String, at prefix: String) throws(Problem) -> String? {
            guard let value = table[key] else { return nil }
            guard let result = value.string else { throw problem(join(prefix, key), "must be a string") }
            return result
        }

        func integer(_ table: TOMLTable, _ key: String, at prefix: String) throws(Problem) -> Int? {
            guard let value = table[key] else { return nil }
            guard let result = value.int else { throw problem(join(prefix, key), "must be a whole number") }
            return result
        }

        func strings(_ table: TOMLTable, _ key: String, at prefix: String) throws(Problem) -> [String]? {
            guard let value = table[key] else { return nil }
            guard let array = value.array else { throw problem(join(prefix, key), "must be a list of strings") }
            var result: [String] = []
            for item in array {
                guard let text = item.string else { throw problem(join(prefix, key), "must be a list of strings") }
                result.append(text)
            }
            return result
        }

        private func join(_ prefix: String, _ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }
    }
}
