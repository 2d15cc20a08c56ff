import InboxModel

/// The text `webcare config --print-default` prints: a complete config.toml with every
/// default, the key tables generated from the default keymap so they never drift.
enum DefaultConfig {
    static var text: String {
        let settings = AppState.Settings()
        let minutes = { (kind: MentionKind) in (settings.deadlines.perKind[kind] ?? settings.deadlines.triage) / 60 }
        var lines = [
            "# webcare configuration: $XDG_CONFIG_HOME/webcare/config.toml (~/.config/webcare/config.toml).",
            "# Every setting is optional; this file holds the defaults.",
            "",
            "[house]",
            "# The language and form of address of the reply templates: \"nl-je\", \"nl-u\" or \"en\".",
            "style = \"\(settings.style.rawValue)\"",
            "# How you sign replies: \"Mirjam\" ends a tweet in ^Mirjam; empty: your account name.",
            "signature = \"\"",
            "# Seconds to count before an allegation may be answered; never under 10.",
            "allegation_wait = \(settings.rules.allegationWait)",
            "# Departments a case is handed to.",
            "departments = [\"Klantenservice\", \"Techniek\", \"Juridisch\", \"Communicatie\"]",
            "# How a Twitter reply is counted: \"v1\" (140, the source's rule) or \"v3\" (280).",
            "twitter_rules = \"v1\"",
            "# Days after closing a direct-message case in which a new message from the same author reopens it.",
            "reopen_dm_days = \(Int(settings.caseRule.reopenWindow / 86_400))",
            "# Stop the reaction clock while a case is with a department (the customer still waits: off).",
            "pause_clock_with_department = \(settings.rules.pauseWithDepartment)",
            "",
            "[reaction_times]",
            "# Minutes to react, per kind; triage: mentions nobody has classified.",
        ]
        lines += MentionKind.allCases.map { "\($0.rawValue) = \(minutes($0))" }
        lines.append("triage = \(settings.deadlines.triage / 60)")
        lines += ["", "[reaction_times.dm]", "# Minutes to react to a direct message, where it differs from the above."]
        for kind in MentionKind.allCases {
            if let seconds = settings.deadlines.perChannel[ReactionDeadlines.Key(kind, .dm)] {
                lines.append("\(kind.rawValue) = \(seconds / 60)")
            }
        }
        lines += ["", "[alerts]", "# The queue's header raises an alert (A limits the queue to it) when:",
                  "# a conversation or a theme has this many new mentions within spreading_minutes,",
                  "spreading_mentions = \(settings.alerts.spreadingMentions)",
                  "spreading_minutes = \(settings.alerts.spreadingMinutes)",
                  "# an author with more followers than this waits on us,",
                  "influential_followers = \(settings.alerts.influentialFollowers)",
                  "# a kind with at least within_deadline_cases open has under this percent of them in time.",
                  "within_deadline_percent = \(settings.alerts.withinDeadlinePercent)",
                  "within_deadline_cases = \(settings.alerts.withinDeadlineCases)"]
        lines += ["", "# Keys: a key name (j, G, <Down>, <PgDn>, <Enter>, <Space>, ^L) = an action, or \"none\".",
                  "# Actions: " + Action.allCases.map(\.rawValue).joined(separator: ", ") + "."]
        for context in KeyContext.allCases {
            lines += ["", "[keys.\(context.rawValue)]"]
            for row in settings.keymap.help(for: context) where context == .generic || !isGeneric(row, settings) {
                for key in row.keys { lines.append("\(quoted(key)) = \"\(row.action.rawValue)\"") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the row came from the generic table (help lists those in every context).
    private static func isGeneric(_ row: (keys: [String], action: Action), _ settings: AppState.Settings) -> Bool {
        settings.keymap.help(for: .generic).contains { $0.action == row.action && $0.keys == row.keys }
    }

    private static func quoted(_ key: String) -> String {
        "\"" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
