import Foundation

/// How wide lines for a person may be: the terminal's width, else `$COLUMNS`, else
/// nil (output to a file or pipe is not cut).
enum TerminalWidth {
    static var columns: Int? {
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return nil
    }
}
