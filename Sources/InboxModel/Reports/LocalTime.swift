import Foundation

/// The day, weekday and hour of moments in a calendar's time zone, worked out once per
/// quarter hour: every time zone in use is a whole number of quarter hours from UTC, so
/// all moments of a UTC quarter hour share them, and a million mentions cost as many
/// calendar lookups as the quarter hours they fall in. One report's builder uses it, on
/// one thread at a time (the builder may move to a thread of its own).
final class LocalTime: @unchecked Sendable {
    struct Moment {
        /// YYYY-MM-DD.
        var day: String
        /// 0 for Monday to 6 for Sunday.
        var weekday: Int
        var hour: Int
    }

    private let calendar: Calendar
    private var known: [Int: Moment] = [:]

    init(_ calendar: Calendar) {
        self.calendar = calendar
    }

    /// Which quarter hour since 1970 (UTC) `date` falls in.
    static func quarter(_ date: Date) -> Int {
        let quarters = (date.timeIntervalSince1970 / 900).rounded(.down)
        return quarters.isFinite ? Int(max(-1e15, min(1e15, quarters))) : 0
    }

    func moment(ofQuarter quarter: Int) -> Moment {
        if let moment = known[quarter] { return moment }
        let date = Date(timeIntervalSince1970: Double(quarter) * 900)
        let parts = calendar.dateComponents([.weekday, .hour], from: date)
        let moment = Moment(day: TeamReport.day(date, calendar), weekday: ((parts.weekday ?? 2) + 5) % 7,
                            hour: parts.hour ?? 0)
        known[quarter] = moment
        return moment
    }
}
