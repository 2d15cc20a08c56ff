import Foundation
import InboxModel

/// `config.toml`: the house rules (reply style, signature, the count-to-ten, reaction
/// times, departments, Twitter counting) and key bindings. Every setting is optional;
/// `webcare config --print-default` prints the file with every default filled in.
enum ConfigFile {
    /// Why the file cannot be used, naming the file, the line and the setting at fault.
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

    /// A config file is a few kilobytes; more is not one.
    static let largestFile = 1 << 20

    /// The most days a closed direct-message case may wait to be reopened: a year.
    static let longestReopenWindow = 365

    /// The most minutes a reaction time may be: a year. More is a typo, and minutes
    /// times 60 must stay far from overflowing.
    static let longestReactionTime = 366 * 24 * 60

    /// The file's text, or nil when there is no file (the defaults apply). A file that
    /// exists but cannot be read is a problem, not a reason to fall back to the defaults.
    static func text(at path: String) throws(Problem) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw Problem(description: "\(VisibleText.line(path)): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Problem(description: "\(VisibleText.line(path)): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > largestFile { throw Problem(description: "\(VisibleText.line(path)): larger than 1 MiB; not a config file") }
        }
        if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) {
            throw Problem(description: "\(VisibleText.line(path)): not valid UTF-8 at byte \(offset + 1)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The settings in the file at `path`; the defaults when there is no such file.
    static func load(path: String) throws(Problem) -> AppState.Settings {
        guard let text = try text(at: path) else { return AppState.Settings() }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(Problem) -> AppState.Settings {
        let shownPath = VisibleText.line(path)
        let table: TOMLTable
        do {
            table = try TOMLDocument(text).root
        } catch {
            throw Problem(description: "\(shownPath):\(error.line): \(VisibleText.line(error.message))")
        }
        var settings = AppState.Settings()
        let reader = Reader(path: shownPath)
        try reader.checkKeys(table, allowed: ["house", "reaction_times", "alerts", "keys"], at: "")
        if let house = try reader.table(table, "house") {
            try reader.checkKeys(house, allowed: ["style", "signature", "allegation_wait", "departments", "twitter_rules",
                                                  "reopen_dm_days", "pause_clock_with_department"], at: "house")
            if let (style, line) = try reader.string(house, "style", at: "house") {
                guard let value = ReplyStyle(rawValue: style) else {
                    throw reader.problem(line, "house.style", "'\(style)' is not one of nl-je, nl-u, en")
                }
                settings.style = value
            }
            // Templates write the "^" themselves: "^Mirjam" and "Mirjam" both sign ^Mirjam.
            if let (signature, _) = try reader.string(house, "signature", at: "house"),
               case let name = signature.hasPrefix("^") ? String(signature.dropFirst()) : signature, !name.isEmpty {
                settings.signature = name
            }
            if let (wait, line) = try reader.integer(house, "allegation_wait", at: "house") {
                guard wait >= HouseRules.minimumAllegationWait else {
                    throw reader.problem(line, "house.allegation_wait", "\(wait) is under the ten seconds the flow never goes below")
                }
                guard wait <= HouseRules.longestAllegationWait else {
                    throw reader.problem(line, "house.allegation_wait",
                                         "\(wait) is over the \(HouseRules.longestAllegationWait) seconds (an hour) a customer would wait")
                }
                settings.rules.allegationWait = wait
            }
            if let (days, line) = try reader.integer(house, "reopen_dm_days", at: "house") {
                guard (0...ConfigFile.longestReopenWindow).contains(days) else {
                    throw reader.problem(line, "house.reopen_dm_days",
                                         "\(days) is not from 0 to \(ConfigFile.longestReopenWindow) days")
                }
                settings.caseRule.reopenWindow = TimeInterval(days) * 86_400
            }
            if let (pause, _) = try reader.boolean(house, "pause_clock_with_department", at: "house") {
                settings.rules.pauseWithDepartment = pause
            }
            if let departments = try reader.strings(house, "departments", at: "house") {
                settings.departments = departments
            }
            if let (rules, line) = try reader.string(house, "twitter_rules", at: "house") {
                switch rules {
                case "v1": settings.rules.twitterRules = .twitterV1
                case "v3": settings.rules.twitterRules = .twitterV3
                default: throw reader.problem(line, "house.twitter_rules", "'\(rules)' is not v1 or v3")
                }
            }
        }
        if let times = try reader.table(table, "reaction_times") {
            let names = MentionKind.allCases.map(\.rawValue) + ["triage"]
            try reader.checkKeys(times, allowed: names + ["dm"], at: "reaction_times")
            for name in names {
                guard let seconds = try reader.reactionTime(times, name, at: "reaction_times") else { continue }
                if let kind = MentionKind(rawValue: name) {
                    settings.deadlines.perKind[kind] = seconds
                } else {
                    settings.deadlines.triage = seconds
                }
            }
            if let direct = try reader.table(times, "dm", at: "reaction_times") {
                let kinds = MentionKind.allCases.map(\.rawValue)
                try reader.checkKeys(direct, allowed: kinds, at: "reaction_times.dm")
                for kind in MentionKind.allCases {
                    guard let seconds = try reader.reactionTime(direct, kind.rawValue, at: "reaction_times.dm") else { continue }
                    settings.deadlines.perChannel[ReactionDeadlines.Key(kind, .dm)] = seconds
                }
            }
        }
        if let alerts = try reader.table(table, "alerts") {
            settings.alerts = try reader.alerts(alerts)
        }
        if let keys = try reader.table(table, "keys") {
            try reader.checkKeys(keys, allowed: KeyContext.allCases.map(\.rawValue), at: "keys")
            for context in KeyContext.allCases {
                guard let bindings = try reader.table(keys, context.rawValue, at: "keys") else { continue }
                var chosen: [(Key, Action?)] = []
                for name in bindings.keys {
                    let at = "keys.\(context.rawValue).\(VisibleText.line(name))"
                    let line = bindings[name]?.line ?? 0
                    guard let key = Key(name: name) else {
                        throw reader.problem(line, at,
                                             "'\(VisibleText.line(name))' is not a key name (j, G, <Down>, <PgDn>, <Enter>, ^L, <Ctrl-L>)")
                    }
                    guard let actionName = bindings[name]?.string else { throw reader.problem(line, at, "must be an action name") }
                    if actionName == "none" {
                        chosen.append((key, nil))
                        continue
                    }
                    guard let action = Action(rawValue: actionName) else {
                        throw reader.problem(line, at,
                                             "no action '\(VisibleText.line(actionName))'; webcare config --print-default lists them")
                    }
                    chosen.append((key, action))
                }
                settings.keymap.rebind(chosen, in: context)
            }
        }
        return settings
    }

    /// Typed reads that name the file, the line and the setting when the type is wrong.
    private struct Reader {
        let path: String

        func problem(_ line: Int, _ setting: String, _ what: String) -> Problem {
            Problem(description: "\(path):\(line): \(setting): \(what)")
        }

        func checkKeys(_ table: TOMLTable, allowed: [String], at prefix: String) throws(Problem) {
            for key in table.keys where !allowed.contains(key) {
                throw problem(table[key]?.line ?? 0, join(prefix, VisibleText.line(key)),
                              "unknown setting; known here: \(allowed.joined(separator: ", "))")
            }
        }

        func table(_ table: TOMLTable, _ key: String, at prefix: String = "") throws(Problem) -> TOMLTable? {
            guard let value = table[key] else { return nil }
            guard let result = value.table else { throw problem(value.line, join(prefix, key), "must be a table") }
            return result
        }

        func string(_ table: TOMLTable, _ key: String, at prefix: String) throws(Problem) -> (String, Int)? {
            guard let value = table[key] else { return nil }
            guard let result = value.string else { throw problem(value.line, join(prefix, key), "must be a string") }
            try checkVisible(result, value.line, join(prefix, key))
            return (result, value.line)
        }

        func boolean(_ table: TOMLTable, _ key: String, at prefix: String) throws(Problem) -> (Bool, Int)? {
            guard let value = table[key] else { return nil }
            guard let result = value.boolean else { throw problem(value.line, join(prefix, key), "must be true or false") }
            return (result, value.line)
        }

        func integer(_ table: TOMLTable, _ key: String, at prefix: String) throws(Problem) -> (Int, Int)? {
            guard let value = table[key] else { return nil }
            guard let result = value.integer else { throw problem(value.line, join(prefix, key), "must be a whole number") }
            return (result, value.line)
        }

        /// The `[alerts]` table: each threshold a whole number within its bounds.
        func alerts(_ table: TOMLTable) throws(Problem) -> AlertThresholds {
            var alerts = AlertThresholds()
            let settings: [(String, ClosedRange<Int>, WritableKeyPath<AlertThresholds, Int>)] = [
                ("spreading_mentions", 2...100_000, \.spreadingMentions), ("spreading_minutes", 1...1440, \.spreadingMinutes),
                ("influential_followers", 0...Influence.mostFollowers, \.influentialFollowers),
                ("within_deadline_percent", 0...100, \.withinDeadlinePercent),
                ("within_deadline_cases", 1...100_000, \.withinDeadlineCases),
            ]
            try checkKeys(table, allowed: settings.map(\.0), at: "alerts")
            for (name, bounds, field) in settings {
                guard let (value, line) = try integer(table, name, at: "alerts") else { continue }
                guard bounds.contains(value) else {
                    throw problem(line, "alerts." + name, "\(value) is not from \(bounds.lowerBound) to \(bounds.upperBound)")
                }
                alerts[keyPath: field] = value
            }
            return alerts
        }

        /// Minutes to react, as seconds: more than 0 and at most a year.
        func reactionTime(_ table: TOMLTable, _ key: String, at prefix: String) throws(Problem) -> Int? {
            guard let (minutes, line) = try integer(table, key, at: prefix) else { return nil }
            guard minutes > 0 else { throw problem(line, join(prefix, key), "minutes must be more than 0") }
            guard minutes <= ConfigFile.longestReactionTime else {
                throw problem(line, join(prefix, key), "\(minutes) minutes is more than a year (\(ConfigFile.longestReactionTime))")
            }
            return minutes * 60
        }

        func strings(_ table: TOMLTable, _ key: String, at prefix: String) throws(Problem) -> [String]? {
            guard let value = table[key] else { return nil }
            guard let array = value.array else { throw problem(value.line, join(prefix, key), "must be a list of strings") }
            var result: [String] = []
            for item in array {
                guard let text = item.string else { throw problem(item.line, join(prefix, key), "must be a list of strings") }
                try checkVisible(text, item.line, join(prefix, key))
                result.append(text)
            }
            return result
        }

        /// Settings end up on the agent's screen and in replies: no control characters.
        private func checkVisible(_ text: String, _ line: Int, _ setting: String) throws(Problem) {
            if text.unicodeScalars.contains(where: VisibleText.needsPlaceholder) {
                throw problem(line, setting, "contains a control character: '\(VisibleText.line(text))'")
            }
        }

        private func join(_ prefix: String, _ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }
    }
}
