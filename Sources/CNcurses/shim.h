#ifndef WEBCARE_CNCURSES_SHIM_H
#define WEBCARE_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API and the
// X/Open declarations it needs are switched on here, before <curses.h>.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>

// glibc hides wcwidth unless _XOPEN_SOURCE is set before <wchar.h>.
extern int wcwidth(wchar_t c);

// Swift 6 refuses C globals as shared mutable state and cannot call macros:
// every global and macro the terminal layer needs is wrapped here.
static inline WINDOW *webcare_stdscr(void) { return stdscr; }
// The standard streams newterm reads and writes (Swift 6 refuses the C globals).
static inline FILE *webcare_stdin(void) { return stdin; }
static inline FILE *webcare_stdout(void) { return stdout; }
static inline void webcare_getmaxyx(WINDOW *w, int *rows, int *cols) {
    int y, x;
    getmaxyx(w, y, x);
    *rows = y;
    *cols = x;
}
static inline attr_t webcare_a_bold(void) { return A_BOLD; }
static inline attr_t webcare_a_reverse(void) { return A_REVERSE; }
static inline attr_t webcare_a_underline(void) { return A_UNDERLINE; }
static inline attr_t webcare_a_dim(void) { return A_DIM; }
static inline attr_t webcare_a_normal(void) { return A_NORMAL; }
static inline int webcare_key_resize(void) { return KEY_RESIZE; }
static inline int webcare_err(void) { return ERR; }
static inline int webcare_key_code_yes(void) { return KEY_CODE_YES; }

#endif
