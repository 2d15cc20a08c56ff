extension Int {
    /// Seconds as a whole number that cannot trap: `Int(Double)` traps on NaN and on
    /// values past `Int.max`, and times read back from a database (or a clock compared
    /// with one) are data from outside. Clamped to ±2^53 (285 million years), rounded down.
    public init(wholeSeconds seconds: Double) {
        guard !seconds.isNaN else {
            self = 0
            return
        }
        let limit = 9_007_199_254_740_992.0
        self = Int(Swift.min(limit, Swift.max(-limit, seconds)).rounded(.down))
    }
}
