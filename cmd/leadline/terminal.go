package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// terminalSafe escapes what a terminal would obey rather than print, so that a name from an
// imported file cannot clear the screen, set the window title, forge a row of `list`, or turn
// the rest of a line around: control characters (C0, DEL, C1, which include ESC and CSI), the
// bidirectional overrides, embeddings, isolates and marks, line and paragraph separators, and
// bytes that are not UTF-8. Everything else — Cyrillic, Arabic, CJK, emoji with their joiners —
// passes byte for byte. Every line the command line prints goes through it.
func terminalSafe(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case isTerminalControl(r):
			if r < 0x100 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isTerminalControl(r) {
			return true
		}
		i += size
	}
	return false
}

func isTerminalControl(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r < 0xA0: // C0 (ESC, CR, BEL, tab), DEL, C1 (CSI, OSC)
		return true
	case r == 0x061C, r == 0x200E, r == 0x200F: // Arabic letter mark, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	}
	return false
}
