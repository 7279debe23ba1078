package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// labelsIn collects the text of every label under o.
func labelsIn(o fyne.CanvasObject) []string {
	switch v := o.(type) {
	case *widget.Label:
		return []string{v.Text}
	case *container.Scroll:
		return labelsIn(v.Content)
	case *fyne.Container:
		var out []string
		for _, child := range v.Objects {
			out = append(out, labelsIn(child)...)
		}
		return out
	}
	return nil
}

// A Mac user reads ⌘ in the help, and every platform's help lists the Mac alternatives to
// F11 and F1.
func TestHelpNamesThePlatformsKeys(t *testing.T) {
	for _, tc := range []struct {
		mac        bool
		want, none []string
	}{
		{false, []string{"Ctrl+Z", "F11, Ctrl+Shift+F or Present", "F1, ? or Ctrl+?"}, []string{"⌘"}},
		{true, []string{"⌘Z", "⇧⌘Z or ⌘Y", "F11, ⇧⌘F or Present", "F1, ? or ⌘?"}, []string{"Ctrl"}},
	} {
		t.Run(map[bool]string{false: "Windows and Linux", true: "Mac"}[tc.mac], func(t *testing.T) {
			defer func(was bool) { onMac = was }(onMac)
			onMac = tc.mac
			ui := newTestUI(t)
			ui.showHelp()
			text := strings.Join(labelsIn(ui.help.Content), "\n")
			for _, want := range tc.want {
				if !strings.Contains(text, want) {
					t.Errorf("help lacks %q:\n%s", want, text)
				}
			}
			for _, none := range tc.none {
				if strings.Contains(text, none) {
					t.Errorf("help says %q:\n%s", none, text)
				}
			}
		})
	}
}

// ⇧⌘F (Ctrl+Shift+F) presents and ⌘? (Ctrl+?) shows the help, for keyboards whose F keys are
// taken.
func TestMacAlternativesToF11AndF1(t *testing.T) {
	ui := newTestUI(t)
	mod := fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
	ui.shortcuts.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: mod})
	if !ui.presenting {
		t.Fatal("Shortcut+Shift+F did not start presenter mode")
	}
	ui.windowKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	ui.shortcuts.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: mod})
	if ui.help == nil || !ui.help.Visible() {
		t.Fatal("Shortcut+? did not show the help")
	}
}
