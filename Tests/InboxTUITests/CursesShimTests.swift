import CNcurses
import Testing

/// The system-library module links ncursesw and exposes its wide-character API.
@Suite struct CursesShimTests {
    @Test func linksNcursesWithWideCharacters() {
        #expect(String(cString: curses_version()).hasPrefix("ncurses"))
        // This thread's locale only: setlocale would change it for every test running.
        let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
        #expect(utf8 != nil)
        let previous = uselocale(utf8)
        defer {
            uselocale(previous)
            freelocale(utf8)
        }
        #expect(wcwidth(0x65E5) == 2)
        #expect(webcare_key_resize() == KEY_RESIZE)
    }
}
