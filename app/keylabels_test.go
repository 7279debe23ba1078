package app

import "testing"

func TestKeysFor(t *testing.T) {
	for _, tc := range []struct{ text, other, mac string }{
		{"Ctrl+Z", "Ctrl+Z", "⌘Z"},
		{"Ctrl+Shift+Z or Ctrl+Y", "Ctrl+Shift+Z or Ctrl+Y", "⇧⌘Z or ⌘Y"},
		{"Ctrl+= / Ctrl+-", "Ctrl+= / Ctrl+-", "⌘= / ⌘-"},
		{"Ctrl+wheel, drag on empty canvas, scroll", "Ctrl+wheel, drag on empty canvas, scroll", "⌘-wheel, drag on empty canvas, scroll"},
		{"Click / Shift+click / Shift+drag", "Click / Shift+click / Shift+drag", "Click / ⇧-click / ⇧-drag"},
		{"F11 or Ctrl+Shift+F", "F11 or Ctrl+Shift+F", "F11 or ⇧⌘F"},
		{"F1, ? or Ctrl+?", "F1, ? or Ctrl+?", "F1, ? or ⌘?"},
		{"Shift+Alt+Ctrl+K", "Shift+Alt+Ctrl+K", "⌥⇧⌘K"},
		{"Delete or Backspace", "Delete or Backspace", "Delete or Backspace"},
		{`Map "Ctrl" deleted — Ctrl+Z brings it back`, `Map "Ctrl" deleted — Ctrl+Z brings it back`, `Map "Ctrl" deleted — ⌘Z brings it back`},
	} {
		if got := keysFor(tc.text, false); got != tc.other {
			t.Errorf("keysFor(%q, Windows/Linux) = %q, want %q", tc.text, got, tc.other)
		}
		if got := keysFor(tc.text, true); got != tc.mac {
			t.Errorf("keysFor(%q, Mac) = %q, want %q", tc.text, got, tc.mac)
		}
	}
}
