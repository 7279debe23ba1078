package app

import (
	"regexp"
	"runtime"
	"strings"
)

// onMac is whether shortcuts are written the Mac way. The keys themselves are portable
// (fyne.KeyModifierShortcutDefault is Command on a Mac and Ctrl elsewhere); only the words
// the facilitator reads differ.
var onMac = runtime.GOOS == "darwin"

// keyCombo is one modifier chain and its key in help text: "Ctrl+Shift+Z", "Shift+click".
var keyCombo = regexp.MustCompile(`((?:(?:Ctrl|Shift|Alt)\+)+)([^\s,/]+)`)

// keys writes the shortcuts in text ("Ctrl+Z", "Ctrl+Shift+Z or Ctrl+Y") as this platform
// names them. Help text and notes say "Ctrl" and pass through here: the one place that knows.
func keys(text string) string { return keysFor(text, onMac) }

// keysFor writes "Ctrl+Shift+Z" as "⇧⌘Z" for a Mac, in Apple's order of modifiers (⌥ ⇧ ⌘),
// and leaves it as it is elsewhere. A mouse gesture keeps its word: "⇧-click", "⌘-wheel".
func keysFor(text string, mac bool) string {
	if !mac {
		return text
	}
	return keyCombo.ReplaceAllStringFunc(text, func(combo string) string {
		parts := strings.Split(combo, "+")
		key := parts[len(parts)-1]
		if key == "" { // "Ctrl+-" split into ["Ctrl", ""]
			key = "-"
		}
		held := map[string]bool{}
		for _, m := range parts[:len(parts)-1] {
			held[m] = true
		}
		var out strings.Builder
		for _, m := range []struct{ name, symbol string }{{"Alt", "⌥"}, {"Shift", "⇧"}, {"Ctrl", "⌘"}} {
			if held[m.name] {
				out.WriteString(m.symbol)
			}
		}
		if len([]rune(key)) > 1 && strings.ToLower(key) == key {
			out.WriteString("-")
		}
		out.WriteString(key)
		return out.String()
	})
}
