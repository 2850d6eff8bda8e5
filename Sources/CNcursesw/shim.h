#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, so ask for the wide-character API explicitly.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

// Function-like macros do not import into Swift: re-export them as inline functions.
static inline attr_t cn_a_normal(void)    { return A_NORMAL; }
static inline attr_t cn_a_bold(void)      { return A_BOLD; }
static inline attr_t cn_a_reverse(void)   { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void)       { return A_DIM; }
static inline int    cn_key_f(int n)      { return KEY_F(n); }

// Mutable C globals are rejected by Swift 6 at every use; accessors are not.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_colors(void) { return COLORS; }

// Mouse masks are macros too.
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }

// nl_langinfo(CODESET) tells whether the locale is UTF-8 (htop's check).
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }
#endif
