/// Bar charts and heat maps in text: Unicode blocks to an eighth of a cell, or ASCII.
struct Bars {
    let unicode: Bool

    /// Between items of a list on one line.
    var separator: String { unicode ? " · " : " | " }

    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let shades: [Character] = [" ", "░", "▒", "▓", "█"]
    private static let asciiShades: [Character] = [" ", ".", ":", "+", "#"]

    /// A bar `value / maximum` of `width` cells (empty for 0, at least a sliver otherwise).
    func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0, width > 0 else { return "" }
        let eighthsLong = max(1, Int((min(value / maximum, 1) * Double(width * 8)).rounded()))
        if !unicode { return String(repeating: "#", count: max(1, eighthsLong / 8)) }
        return String(repeating: "█", count: eighthsLong / 8) + Self.eighths[eighthsLong % 8]
    }

    /// One cell of a heat map: blank for 0, darker as `value` nears `maximum`.
    func shade(_ value: Int, of maximum: Int) -> Character {
        let shades = unicode ? Self.shades : Self.asciiShades
        guard maximum > 0, value > 0 else { return shades[0] }
        return shades[min(shades.count - 1, 1 + (value * (shades.count - 1) - 1) / maximum)]
    }
}
