package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

func TestLibraryViewListsDuplicatesAndRestoresDeleted(t *testing.T) {
	a := test.NewTempApp(t)
	lib, id, _ := newTestLibrary(t)
	ui := New(a, Options{Library: lib})
	defer ui.shutdown()
	ui.showLibrary()
	if !strings.HasSuffix(ui.Window().Title(), "Library") {
		t.Fatalf("title %q", ui.Window().Title())
	}
	v := &libraryView{ui: ui, selected: -1}
	v.build()
	v.reload()
	if len(v.items) != 1 || v.items[0].ID != id || v.items[0].Maps != 1 {
		t.Fatalf("library lists %+v", v.items)
	}
	v.list.Select(0)
	v.duplicate()
	if len(v.items) != 2 {
		t.Fatalf("after duplicate the library lists %d workshops", len(v.items))
	}
	names := v.items[0].Name + " | " + v.items[1].Name
	if !strings.Contains(names, "(copy)") {
		t.Errorf("duplicate not named as a copy: %s", names)
	}

	// Delete the original without the confirmation dialog, then restore it.
	original, err := lib.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.Delete(id); err != nil {
		t.Fatal(err)
	}
	v.reload()
	v.offerRestore(original)
	restore := v.buttons.Objects[len(v.buttons.Objects)-1].(*widget.Button)
	if !strings.Contains(restore.Text, "Undo delete") {
		t.Fatalf("no restore button, last is %q", restore.Text)
	}
	test.Tap(restore)
	if len(v.items) != 2 {
		t.Fatalf("after restore the library lists %d workshops", len(v.items))
	}
	restored := false
	for _, s := range v.items {
		if s.Name == original.Name {
			restored = true
		}
	}
	if !restored {
		t.Errorf("%q was not restored: %+v", original.Name, v.items)
	}
}

func TestMapFormRenamesAndUndoes(t *testing.T) {
	ui := newTestUI(t)
	e := ui.editor
	e.mapForm.name.SetText("Release v2")
	e.mapForm.commit()
	if got := e.session.currentMap().Name; got != "Release v2" {
		t.Fatalf("map name %q after rename", got)
	}
	if !strings.Contains(ui.Window().Title(), "Release v2") {
		t.Errorf("title %q does not follow the rename", ui.Window().Title())
	}
	e.undo()
	if got := e.session.currentMap().Name; got != "Feature release" {
		t.Errorf("map name %q after undo", got)
	}
	if e.mapForm.name.Text != "Feature release" {
		t.Errorf("form shows %q after undo", e.mapForm.name.Text)
	}
}

// Every library action that asks something first opens its dialog without a crash.
func TestLibraryDialogsOpen(t *testing.T) {
	ui := newTestUI(t)
	ui.Window().Resize(fyne.NewSize(1400, 900))
	v := &libraryView{ui: ui, selected: -1}
	v.build()
	v.reload()
	v.list.Select(0)
	v.create()
	v.rename()
	v.remove()
	v.export()
	if n := len(ui.Window().Canvas().Overlays().List()); n < 4 {
		t.Errorf("%d dialogs showing, want 4", n)
	}
}

// The refused-library screen's buttons open their file dialogs without a crash.
func TestLibraryErrorButtonsOpenDialogs(t *testing.T) {
	a := test.NewTempApp(t)
	ui := New(a, Options{LibraryPath: "/tmp/x.db", OpenError: errors.New("broken")})
	ui.Window().Resize(fyne.NewSize(1200, 800))
	for _, o := range test.LaidOutObjects(ui.Window().Content()) {
		if b, ok := o.(*widget.Button); ok {
			test.Tap(b)
		}
	}
	if n := len(ui.Window().Canvas().Overlays().List()); n < 2 {
		t.Errorf("%d dialogs showing, want 2", n)
	}
}

// libraryOf shows the library view of a fresh test library and returns it.
func libraryOf(t *testing.T) (*App, *libraryView) {
	t.Helper()
	ui := newTestUI(t)
	ui.Window().Resize(fyne.NewSize(1280, 720))
	ui.showLibrary()
	v, ok := libraryShown(ui)
	if !ok {
		t.Fatal("the library view is not on the window")
	}
	return ui, v
}

// libraryShown finds the library view's list on the window.
func libraryShown(ui *App) (*libraryView, bool) {
	v, ok := ui.window.Canvas().Focused().(*libraryList)
	if !ok {
		return nil, false
	}
	return v.view, true
}

// Double-clicking a row, or Enter on the list, opens that workshop.
func TestLibraryRowOpensOnDoubleClickAndEnter(t *testing.T) {
	for _, how := range []string{"double-click", "Enter"} {
		t.Run(how, func(t *testing.T) {
			ui, v := libraryOf(t)
			if len(v.items) == 0 {
				t.Fatal("empty library")
			}
			if how == "Enter" {
				v.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			} else {
				var row *libraryRow
				for _, o := range test.LaidOutObjects(v.list) {
					if r, ok := o.(*libraryRow); ok && r.id == 0 {
						row = r
					}
				}
				if row == nil {
					t.Fatal("no first row on screen")
				}
				test.DoubleTap(row)
			}
			if ui.window.Content() != ui.editor.content || ui.editor.session.edits.ID() != v.items[0].ID {
				t.Errorf("%s did not open %q", how, v.items[0].Name)
			}
		})
	}
}

// The New-workshop dialog's entry spans the dialog and Enter creates the workshop.
func TestNewWorkshopDialogTakesEnter(t *testing.T) {
	ui, v := libraryOf(t)
	v.create()
	entry := v.nameEntry
	if entry == nil || ui.window.Canvas().Focused() != entry {
		t.Fatal("the name entry does not have the focus")
	}
	if w := entry.Size().Width; w < askNameWidth/2 {
		t.Errorf("the name entry is %v px wide in a %v px dialog", w, askNameWidth)
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // blank: refused
	if ui.window.Content() == ui.editor.content && ui.editor.session.workshop().Name == "" {
		t.Fatal("a blank name was accepted")
	}
	test.Type(entry, "Hotfix review")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if ui.window.Content() != ui.editor.content || ui.editor.session.workshop().Name != "Hotfix review" {
		t.Errorf("Enter did not create and open the workshop")
	}
}

// The library opens with the workshop on screen picked, not the first row.
func TestLibraryPicksTheOpenWorkshop(t *testing.T) {
	ui := newTestUI(t)
	if _, err := ui.lib.Create(workshop.NewWorkshop("Another workshop, changed last")); err != nil {
		t.Fatal(err)
	}
	v := newLibraryView(ui)
	if len(v.items) != 2 || v.items[0].ID == ui.editor.session.edits.ID() {
		t.Fatalf("the open workshop should not be the first row: %+v", v.items)
	}
	if got, ok := v.current(); !ok || got.ID != ui.editor.session.edits.ID() {
		t.Errorf("picked %+v, want the open workshop %d", got, ui.editor.session.edits.ID())
	}
}
