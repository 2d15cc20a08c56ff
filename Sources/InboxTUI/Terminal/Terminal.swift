import CNcurses
import Foundation

/// The one file that talks to ncurses: start and restore the terminal, copy a `Screen`
/// to it cell by cell (only the cells that changed; ncurses then sends only what differs
/// on the glass), and read keys. Everything else in webcare is ncurses-free.
final class Terminal {
    /// Why the inbox cannot run on this terminal; the command exits 2 with it.
    struct Unusable: Error, CustomStringConvertible {
        var description: String
    }

    private let window: UnsafeMutablePointer<WINDOW>
    private let screenPointer: OpaquePointer
    /// What each role looks like: attributes, and the colour pair (0: the terminal's own).
    /// The pair goes to `setcchar` on its own: a pair folded into the attributes is
    /// overwritten by setcchar's pair argument, which is how no colour ever showed.
    private let attributes: [Role: (attr_t, Int16)]
    private var shown: Screen?
    private(set) var isOpen = true
    /// Bytes of a UTF-8 character read so far, when the locale is not UTF-8 (below).
    private var pendingBytes: [UInt8] = []
    /// An input read after Esc that was not the second half of an Alt key.
    private var pushedBack: Input?

    /// Whether the locale speaks UTF-8; if not, borders and glyphs are drawn in ASCII.
    let utf8: Bool

    /// Starts curses on the controlling terminal: the locale first (wide characters), then
    /// `newterm`, which unlike `initscr` returns instead of exiting on a terminal it
    /// cannot drive.
    init(colour wantsColour: Bool) throws(Unusable) {
        setlocale(LC_ALL, "")
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw Unusable(description: "webcare: the inbox needs a terminal; for scripts use webcare list, show and outbox")
        }
        guard !term.isEmpty, term != "dumb" else {
            throw Unusable(description: "webcare: TERM is \(term.isEmpty ? "not set" : "dumb"), a terminal the inbox cannot draw on; "
                           + "set TERM (e.g. xterm-256color), or use webcare list, show and outbox")
        }
        guard let screen = newterm(nil, webcare_stdout(), webcare_stdin()) else {
            throw Unusable(description: "webcare: cannot drive terminal type '\(term)'")
        }
        screenPointer = screen
        guard let window = webcare_stdscr() else {
            throw Unusable(description: "webcare: cannot start curses on '\(term)'")
        }
        self.window = window
        utf8 = String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        // Lets ncurses scroll the terminal when the queue moves by a line instead of
        // rewriting every row below the header.
        idlok(window, true)
        Self.defineCommonSequences()
        set_escdelay(25)
        wtimeout(window, 100)
        let colour = wantsColour && has_colors()
        if colour {
            start_color()
            use_default_colors()
        }
        attributes = Self.attributes(colour: colour)
    }

    /// Sequences terminals send for Home, End, Delete, the page keys and the arrows,
    /// whatever their terminfo entry says: a terminal described as `screen` or `linux`
    /// that sends xterm's Home would otherwise deliver ESC (closing the composer) and
    /// then `[`, `H` as commands. ncurses decodes these like its own.
    private static func defineCommonSequences() {
        let sequences: [(String, Int32)] = [
            ("[H", KEY_HOME), ("[1~", KEY_HOME), ("[7~", KEY_HOME), ("OH", KEY_HOME),
            ("[F", KEY_END), ("[4~", KEY_END), ("[8~", KEY_END), ("OF", KEY_END),
            ("[3~", KEY_DC), ("[2~", KEY_IC), ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE),
            ("[A", KEY_UP), ("[B", KEY_DOWN), ("[C", KEY_RIGHT), ("[D", KEY_LEFT),
            ("OA", KEY_UP), ("OB", KEY_DOWN), ("OC", KEY_RIGHT), ("OD", KEY_LEFT),
        ]
        for (tail, code) in sequences where key_defined("\u{1B}" + tail) <= 0 {
            define_key("\u{1B}" + tail, code)
        }
    }

    /// Rows and columns now.
    var size: (width: Int, height: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        webcare_getmaxyx(window, &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// Copies `screen` to the terminal: only cells that differ from what was drawn last.
    func draw(_ screen: Screen) {
        let previous = shown.flatMap { $0.width == screen.width && $0.height == screen.height ? $0 : nil }
        if previous == nil { werase(window) }
        for row in 0..<screen.height {
            for column in 0..<screen.width {
                let cell = screen[row, column]
                if let previous, previous[row, column] == cell { continue }
                if cell.text.isEmpty { continue }
                put(cell, row: row, column: column, isLast: row == screen.height - 1 && column == screen.width - 1)
            }
        }
        if let cursor = screen.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        shown = screen
    }

    private func put(_ cell: Cell, row: Int, column: Int, isLast: Bool) {
        var characters = Array(cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }) + [0]
        var complex = cchar_t()
        let (attribute, pair) = attributes[cell.role] ?? (webcare_a_normal(), 0)
        setcchar(&complex, &characters, attribute, pair, nil)
        // The last cell of the screen: ncurses would scroll after writing it, so write
        // it with insertion instead.
        if isLast {
            wmove(window, Int32(row), Int32(column))
            wins_wch(window, &complex)
        } else {
            mvwadd_wch(window, Int32(row), Int32(column), &complex)
        }
    }

    /// Forgets what is on the glass so the next draw repaints every cell (^L).
    func invalidate() {
        shown = nil
        clearok(window, true)
    }

    /// How long `read` waits for a key: short while the database's answers are due.
    func wait(milliseconds: Int32) {
        guard milliseconds != waitMilliseconds else { return }
        waitMilliseconds = milliseconds
        wtimeout(window, milliseconds)
    }

    private var waitMilliseconds: Int32 = 100

    /// Waits up to `wait(milliseconds:)` (100 ms at first) for a key; nil when none came.
    /// A resize comes back as `.resize`.
    func read() -> Input? {
        if let pushedBack {
            self.pushedBack = nil
            return pushedBack
        }
        let input = utf8 ? readWide() : readBytes()
        guard case .key(.escape)? = input else { return input }
        return altKey() ?? input
    }

    /// Alt-x as terminals send it: Esc with x already behind it. ncurses has waited its
    /// escape delay for a longer sequence by then, so x is there at once or not at all;
    /// anything else that came is read next.
    private func altKey() -> Input? {
        wtimeout(window, 0)
        defer { wtimeout(window, waitMilliseconds) }
        guard let next = utf8 ? readWide() : readBytes() else { return nil }
        if case .key(.character(let c)) = next { return .key(.alt(c)) }
        pushedBack = next
        return nil
    }

    private func readWide() -> Input? {
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == webcare_err() { return Self.terminalHungUp ? .hangup : nil }
        if result == webcare_key_code_yes() {
            if Int32(code) == webcare_key_resize() {
                let (width, height) = size
                return .resize(width: width, height: height)
            }
            return Self.functionKey(Int32(code)).map(Input.key)
        }
        return Self.characterKey(UInt32(code)).map(Input.key)
    }

    /// In a C or Latin-1 locale ncurses cannot decode what a terminal sends as UTF-8 (as
    /// nearly all do, and as a paste of "één" is), and the rest of the input was lost.
    /// Bytes are read one by one and put together here: a valid UTF-8 sequence is one
    /// character, any other byte above 127 stands for itself (Latin-1).
    private func readBytes() -> Input? {
        let code = wgetch(window)
        if code == webcare_err() {
            if !pendingBytes.isEmpty { return flushPendingBytes() }
            return Self.terminalHungUp ? .hangup : nil
        }
        if code == webcare_key_resize() {
            let (width, height) = size
            return .resize(width: width, height: height)
        }
        guard (0...255).contains(code) else { return Self.functionKey(code).map(Input.key) }
        let byte = UInt8(code)
        if pendingBytes.isEmpty {
            guard byte >= 0xC2, byte <= 0xF4 else { return Self.characterKey(UInt32(byte)).map(Input.key) }
            pendingBytes = [byte]
            return nil
        }
        guard byte & 0xC0 == 0x80 else {
            let stray = flushPendingBytes()
            ungetch(code)
            return stray
        }
        pendingBytes.append(byte)
        let expected = pendingBytes[0] >= 0xF0 ? 4 : pendingBytes[0] >= 0xE0 ? 3 : 2
        guard pendingBytes.count == expected else { return nil }
        defer { pendingBytes = [] }
        guard let text = String(validating: pendingBytes, as: UTF8.self), let character = text.first else {
            return flushPendingBytes()
        }
        return .key(.character(character))
    }

    /// An incomplete sequence as the Latin-1 character of its first byte (the rest is lost
    /// only when it was not text to begin with).
    private func flushPendingBytes() -> Input? {
        defer { pendingBytes = [] }
        return pendingBytes.first.flatMap { Self.characterKey(UInt32($0)) }.map(Input.key)
    }

    enum Input {
        case key(Key)
        case resize(width: Int, height: Int)
        /// The terminal went away (the ssh connection or the terminal emulator closed)
        /// without a SIGHUP reaching us: reads would fail at once, forever.
        case hangup
    }

    /// Whether standard input has hung up; asked only after a read came back empty.
    private static var terminalHungUp: Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return true }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        default: nil
        }
    }

    private static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 64)!))
        case 31: return .control("_")
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code), !(0x80...0x9F).contains(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Leaves curses for a child program ($EDITOR), to resume after.
    func suspend() {
        endwin()
    }

    func resume() {
        invalidate()
        wrefresh(window)
    }

    /// Restores the terminal as it was. Safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        delscreen(screenPointer)
    }

    /// Roles in colour, or in bold/reverse/underline/dim for a monochrome terminal.
    private static func attributes(colour: Bool) -> [Role: (attr_t, Int16)] {
        let bold = webcare_a_bold(), reverse = webcare_a_reverse(), underline = webcare_a_underline()
        let dim = webcare_a_dim(), normal = webcare_a_normal()
        guard colour else {
            let plain: [Role: attr_t] = [.normal: normal, .title: reverse, .header: bold | underline, .status: reverse,
                    .selected: reverse, .overdue: bold, .dueSoon: bold, .onTime: normal, .suggested: dim,
                    .confirmed: bold, .dim: dim, .warning: bold, .error: bold | underline, .tagged: bold,
                    .done: normal, .current: bold, .locked: dim]
            return plain.mapValues { ($0, 0) }
        }
        let colours: [(Role, Int16, Int16, attr_t)] = [
            (.title, Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal), (.header, Int16(COLOR_CYAN), -1, bold),
            (.overdue, Int16(COLOR_RED), -1, bold), (.dueSoon, Int16(COLOR_YELLOW), -1, bold),
            (.suggested, -1, -1, dim),
            (.confirmed, -1, -1, bold), (.dim, -1, -1, dim), (.warning, Int16(COLOR_YELLOW), -1, bold),
            (.error, Int16(COLOR_RED), -1, bold), (.tagged, Int16(COLOR_MAGENTA), -1, bold),
            (.done, Int16(COLOR_GREEN), -1, normal), (.current, Int16(COLOR_CYAN), -1, bold), (.locked, -1, -1, dim),
        ]
        // On-time clocks stay plain: colour marks what needs the agent (due soon,
        // overdue), and a colour on every row costs bytes on every j/k step. A suggested
        // kind is dim like the step beside it (one change of attributes, not three);
        // confirmed kinds are bold. The cursor row and the status line are reverse video,
        // as mutt's indicator and status bar (a colour pair costs more bytes per step).
        var table: [Role: (attr_t, Int16)] = [.normal: (normal, 0), .onTime: (normal, 0), .status: (reverse, 0),
                                               .selected: (reverse, 0)]
        for (index, entry) in colours.enumerated() {
            let pair = Int16(index + 1)
            init_pair(pair, entry.1, entry.2)
            table[entry.0] = (entry.3, pair)
        }
        return table
    }
}
