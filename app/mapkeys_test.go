package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

// The map has the keyboard focus as soon as a workshop opens; its keys build and are saved,
// and the window's shortcuts still work through it: Ctrl+Z undoes, Ctrl+D duplicates on the
// map instead of switching the theme (Ctrl+Shift+D does that).
func TestMapKeysBuildAndWindowShortcutsPassThrough(t *testing.T) {
	lib, id, path := newTestLibrary(t)
	ui := New(test.NewTempApp(t), Options{Library: lib})
	e := ui.editor
	c := ui.window.Canvas()
	if c.Focused() != fyne.Focusable(e.mapView) {
		t.Fatalf("focus on %T when the workshop opened, want the map", c.Focused())
	}
	stages := func() int { return len(e.session.workshop().Maps[0].Stages) }

	e.mapView.Select("b")
	e.mapView.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault})
	if stages() != 3 {
		t.Fatalf("Ctrl+D on the map: %d stages, want 3", stages())
	}
	dark := ui.themeVariant
	e.mapView.TypedShortcut(&fyne.ShortcutUndo{})
	if stages() != 2 {
		t.Fatalf("Ctrl+Z through the map: %d stages, want 2", stages())
	}
	if ui.themeVariant != dark {
		t.Error("Ctrl+D switched the theme")
	}
	e.mapView.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if ui.themeVariant == dark {
		t.Error("Ctrl+Shift+D through the map did not switch the theme")
	}

	// Tidy lays the two stages out on one row, one column apart.
	if err := e.apply(&workshop.MoveStage{MapID: "m1", StageID: "b", X: 530, Y: 310}); err != nil {
		t.Fatal(err)
	}
	e.mapView.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if a, b := e.session.workshop().Maps[0].Stage("a"), e.session.workshop().Maps[0].Stage("b"); a.Y != b.Y || b.X-a.X != 200 {
		t.Errorf("after Ctrl+Shift+T: a at (%v, %v), b at (%v, %v); want one row, 200 apart", a.X, a.Y, b.X, b.Y)
	}

	e.mapView.Select("b")
	e.mapView.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	field, ok := c.Focused().(interface {
		fyne.Focusable
		fyne.Shortcutable
	})
	if stages() != 3 || !ok || field == fyne.Focusable(e.mapView) {
		t.Fatalf("Tab: %d stages, focus on %T; want 3 and the on-card editor", stages(), field)
	}
	field.TypedShortcut(&fyne.ShortcutSelectAll{})
	for _, r := range "Deploy 30m 1d" { // a quick entry: name, process and wait
		field.TypedRune(r)
	}
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ui.shutdown()

	saved := reopenWorkshop(t, path, id).Maps[0]
	added := saved.Stages[len(saved.Stages)-1]
	if added.Name != "Deploy" || added.Process != 30 || added.Wait != 480 || saved.FlowIndex("b", added.ID) < 0 {
		t.Errorf("saved stage %+v with flows %v, want Deploy, 30m, 1d after QA sign-off", *added, saved.Flows)
	}
}

// Back from the room view or the library, the map has the keyboard again.
func TestMapHasTheFocusAgainAfterTheRoomViewAndTheLibrary(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	for _, away := range []struct {
		name  string
		leave func()
		back  func()
	}{
		{"room view", ui.togglePresenter, ui.togglePresenter},
		{"library", ui.showLibrary, func() { test.Tap(findButton(t, ui.window.Content(), "Back to the map")) }},
	} {
		away.leave()
		away.back()
		if ui.window.Content() != e.content || ui.window.Canvas().Focused() != fyne.Focusable(e.mapView) {
			t.Errorf("back from the %s: focus on %T", away.name, ui.window.Canvas().Focused())
		}
	}
}

// findButton returns the laid-out button with the given text, failing the test without one.
func findButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button", text)
	return nil
}
