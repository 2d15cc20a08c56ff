import Foundation

/// A date layout named with `--date-format` for exports whose times no built-in form
/// reads, such as `dd.MM.yyyy HH:mm` or `MM/dd/yy h:mm`: `yyyy` or `yy` the year, `MM`
/// or `M` the month, `dd` or `d` the day, `HH`/`H`/`hh`/`h` the hour, `mm` the minutes,
/// `ss` the seconds, `a` AM or PM; anything else must appear as written. Read by hand
/// (the import reads one per row on its own thread, and formatters are neither quick nor
/// shareable); times are local, read in `--timezone`.
public struct DateFormat: Sendable, Equatable {
    enum Piece: Equatable, Sendable {
        case year(digits: Int), month, day, hour, minute, second, meridiem
        case literal(Character)
    }

    let pieces: [Piece]

    /// Nil when `layout` has no year, month, day, hour and minute.
    public init?(_ layout: String) {
        var pieces: [Piece] = []
        var rest = Substring(layout)
        while let c = rest.first {
            let run = rest.prefix { $0 == c }
            switch c {
            case "y": pieces.append(.year(digits: run.count >= 4 ? 4 : 2))
            case "M": pieces.append(.month)
            case "d": pieces.append(.day)
            case "H", "h": pieces.append(.hour)
            case "m": pieces.append(.minute)
            case "s": pieces.append(.second)
            case "a": pieces.append(.meridiem)
            default: pieces += run.map(Piece.literal)
            }
            rest = rest.dropFirst(run.count)
        }
        let needed: [Piece] = [.month, .day, .hour, .minute]
        guard pieces.contains(where: { if case .year = $0 { true } else { false } }),
              needed.allSatisfy(pieces.contains) else { return nil }
        self.pieces = pieces
    }

    /// The local time `text` says, as seconds since 1970 of that wall-clock time read as UTC.
    func localSeconds(_ text: String) -> Int? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var pm: Bool?
        func number(_ most: Int) -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }.prefix(most)
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
            return Int(digits)
        }
        for piece in pieces {
            switch piece {
            case .year(let digits):
                guard let y = number(digits) else { return nil }
                year = digits == 2 ? 2000 + y : y
            case .month: guard let v = number(2) else { return nil }; month = v
            case .day: guard let v = number(2) else { return nil }; day = v
            case .hour: guard let v = number(2) else { return nil }; hour = v
            case .minute: guard let v = number(2) else { return nil }; minute = v
            case .second: guard let v = number(2) else { return nil }; second = v
            case .meridiem:
                let word = rest.prefix(2).uppercased()
                guard word == "AM" || word == "PM" else { return nil }
                pm = word == "PM"
                rest = rest.dropFirst(2)
            case .literal(let c):
                guard rest.first == c else { return nil }
                rest = rest.dropFirst()
            }
        }
        guard rest.isEmpty else { return nil }
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        return Timestamp.civil(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}
