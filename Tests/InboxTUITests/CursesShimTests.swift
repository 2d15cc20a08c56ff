import CNcurses
import Testing

/// The system-library module links ncursesw and exposes its wide-character API.
@Suite struct CursesShimTests {
    @Test func linksNcursesWithWideCharacters() {
        #expect(String(cString: curses_version()).hasPrefix("ncurses"))
        #expect(setlocale(LC_ALL, "C.UTF-8") != nil)
        #expect(wcwidth(0x65E5) == 2)
        #expect(webcare_key_resize() == KEY_RESIZE)
    }
}
