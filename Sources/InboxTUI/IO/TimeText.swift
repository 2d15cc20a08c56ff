import Foundation
import InboxModel

/// Times and clocks as text, shared by the screens and the command-line reports (which
/// otherwise know nothing of each other).
enum TimeText {
    /// 45s, 12m, 3h05, 2d: ages and reaction times at a glance.
    static func duration(_ seconds: Int) -> String {
        let s = abs(seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" + String(format: "%02d", s % 3600 / 60) }
        return "\(s / 86_400)d"
    }

    /// Times as scripts read them: ISO 8601 in UTC, to the second.
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    /// The reaction clock's mark, readable without colour: `!` overdue, `~` due soon,
    /// blank on time or when no clock runs.
    static func glyph(_ state: ReactionClock.State?) -> String {
        switch state {
        case .overdue?: "!"
        case .dueSoon?: "~"
        case .onTime?, nil: " "
        }
    }
}
