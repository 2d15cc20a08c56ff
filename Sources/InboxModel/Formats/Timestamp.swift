import Foundation

/// Reads the times the formats write, by hand because they sit on the import's hot path
/// and Foundation's formatters are slow and locale-bound:
/// - ISO 8601 / RFC 3339: `2026-11-16T08:00:00Z`, with fractions, `+01:00` or `+0000`;
/// - Twitter v1.1: `Mon Nov 16 08:00:00 +0000 2026`;
/// - Unix seconds or milliseconds (Meta's `created_time` and `timestamp`, CSV exports).
///
/// Only years 1970 to 9999 are times: a mention from before Unix time or after what
/// ISO 8601 writes is a broken record, and bounding the year here keeps the calendar
/// arithmetic below (days × 86,400) from overflowing on a year like 3·10^11.
enum Timestamp {
    static let years = 1970...9999
    /// 9999-12-31T23:59:59Z.
    static let latestSecond = 253_402_300_799.0

    static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        while utf8.last == 0x20 { utf8.removeLast() }
        if let first = utf8.first, first >= 0x30, first <= 0x39 {
            if utf8.count >= 19, utf8[4] == 0x2D { return iso8601(utf8) }
            if utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }), let number = Double(text) {
                return unix(number)
            }
            return nil
        }
        return twitterV1(utf8)
    }

    /// Above this a Unix time is in milliseconds: 10^11 seconds is the year 5138, 10^11
    /// milliseconds March 1973, before any mention.
    static let millisecondsFrom = 1e11

    /// A Unix time in seconds or milliseconds, told apart by size; nil outside the years
    /// webcare takes.
    static func unix(_ number: Double) -> Date? {
        guard number.isFinite, number >= 0 else { return nil }
        let seconds = number >= millisecondsFrom ? number / 1000 : number
        return seconds <= latestSecond ? Date(timeIntervalSince1970: seconds) : nil
    }

    static func digits(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.upperBound <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[range] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func iso8601(_ b: [UInt8]) -> Date? {
        guard let year = digits(b, 0..<4), b[4] == 0x2D, let month = digits(b, 5..<7), b[7] == 0x2D,
              let day = digits(b, 8..<10), b[10] == 0x54 || b[10] == 0x20 || b[10] == 0x74,
              let hour = digits(b, 11..<13), b[13] == 0x3A, let minute = digits(b, 14..<16), b[16] == 0x3A,
              let second = digits(b, 17..<19) else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 0x2E {
            var scale = 0.1
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                fraction += Double(b[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        guard let offset = zone(b, from: i) else { return nil }
        return civil(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            .map { Date(timeIntervalSince1970: Double($0 - offset) + fraction) }
    }

    /// Seconds east of UTC for `Z`, `+01:00` or `+0100` running to the end of `b`.
    static func zone(_ b: [UInt8], from i: Int) -> Int? {
        guard i < b.count else { return nil }
        if b[i] == 0x5A || b[i] == 0x7A { return i + 1 == b.count ? 0 : nil }
        guard b[i] == 0x2B || b[i] == 0x2D else { return nil }
        let sign = b[i] == 0x2B ? 1 : -1
        let rest = b.count - i - 1
        guard let hours = digits(b, (i + 1)..<(i + 3)) else { return nil }
        let minutes: Int?
        switch rest {
        case 4: minutes = digits(b, (i + 3)..<(i + 5))
        case 5 where b[i + 3] == 0x3A: minutes = digits(b, (i + 4)..<(i + 6))
        default: minutes = nil
        }
        guard let minutes, hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Mon Nov 16 08:00:00 +0000 2026`.
    private static func twitterV1(_ b: [UInt8]) -> Date? {
        let parts = b.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard parts.count == 6, let month = months.firstIndex(of: parts[1]), let day = Int(parts[2]),
              let year = Int(parts[5]) else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, let offset = zone(Array(parts[4].utf8), from: 0) else { return nil }
        return civil(year: year, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
            .map { Date(timeIntervalSince1970: Double($0 - offset)) }
    }

    /// Seconds since 1970 of a UTC calendar time, nil when a field is out of range.
    static func civil(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int? {
        guard years.contains(year), (1...12).contains(month), (1...31).contains(day), (0..<24).contains(hour),
              (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        // Days from civil, after Howard Hinnant's algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }
}

extension Timestamp {
    /// What a spreadsheet export's time cell turned out to be.
    enum LocalReading: Equatable {
        case time(Date)
        /// A date and time without a zone, and none was given to read it in.
        case noZone
        case notATime
    }

    /// A time as exports write it: every form `parse` reads, and `2015-02-24 11:35:52
    /// -0800`, `2015-02-24 11:35`, `24-02-2015 11:35`, `24/02/2015 11:35:52` (day first,
    /// as Dutch and most European exports write it). A time without a zone is read in
    /// `zone`; without one it is `.noZone`: guessing would move every reaction clock.
    static func parseExport(_ text: String, zone: TimeZone?, format: DateFormat? = nil) -> LocalReading {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let format, let local = format.localSeconds(trimmed) {
            guard let zone else { return .noZone }
            return .time(inZone(local, zone, fraction: 0))
        }
        if let date = parse(trimmed) { return .time(date) }
        let b = Array(trimmed.utf8)
        // The date: year first or day first, with - or /.
        let year: Int, month: Int, day: Int
        if b.count >= 10, let y = digits(b, 0..<4), b[4] == 0x2D || b[4] == 0x2F, let m = digits(b, 5..<7),
           b[7] == b[4], let d = digits(b, 8..<10) {
            (year, month, day) = (y, m, d)
        } else if b.count >= 10, let d = digits(b, 0..<2), b[2] == 0x2D || b[2] == 0x2F || b[2] == 0x2E,
                  let m = digits(b, 3..<5), b[5] == b[2], let y = digits(b, 6..<10) {
            (year, month, day) = (y, m, d)
        } else {
            return .notATime
        }
        // The clock: HH:MM, then :SS, a fraction, a zone, each optional.
        guard b.count >= 16, b[10] == 0x20 || b[10] == 0x54, let hour = digits(b, 11..<13), b[13] == 0x3A,
              let minute = digits(b, 14..<16) else { return .notATime }
        var i = 16, second = 0, fraction = 0.0
        if i < b.count, b[i] == 0x3A {
            guard let s = digits(b, (i + 1)..<(i + 3)) else { return .notATime }
            second = s
            i += 3
        }
        if i < b.count, b[i] == 0x2E {
            var scale = 0.1
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                fraction += Double(b[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
        }
        if i < b.count, b[i] == 0x20 { i += 1 }
        guard let local = civil(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else {
            return .notATime
        }
        if i < b.count {
            guard let offset = Self.zone(b, from: i) ?? (String(decoding: b[i...], as: UTF8.self) == "UTC" ? 0 : nil) else {
                return .notATime
            }
            return .time(Date(timeIntervalSince1970: Double(local - offset) + fraction))
        }
        guard let zone else { return .noZone }
        return .time(inZone(local, zone, fraction: fraction))
    }

    /// The moment a wall-clock time (`local`: its seconds read as UTC) is in `zone`. The
    /// zone's offset is looked up at the time read as UTC (at most a day off), then once
    /// more at the time that gives, across a change of offset.
    private static func inZone(_ local: Int, _ zone: TimeZone, fraction: Double) -> Date {
        let guess = Date(timeIntervalSince1970: Double(local))
        var offset = zone.secondsFromGMT(for: guess)
        offset = zone.secondsFromGMT(for: guess.addingTimeInterval(Double(-offset)))
        return Date(timeIntervalSince1970: Double(local - offset) + fraction)
    }
}
