package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop/store"
)

// A read-only library opens with its workshop on screen and a banner saying why nothing is
// kept (issue 10, finding 14); a writable one shows no banner.
func TestReadOnlyLibraryShowsABanner(t *testing.T) {
	writable, _, path := newTestLibrary(t)
	ui := New(test.NewTempApp(t), Options{Library: writable})
	if ui.editor == nil || ui.editor.readOnly.box.Visible() {
		t.Fatal("a writable library shows the read-only banner, or no workshop")
	}
	ui.shutdown()

	lib, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	ui = New(test.NewTempApp(t), Options{Library: lib})
	t.Cleanup(ui.shutdown)
	if ui.editor == nil || ui.editor.session == nil || len(ui.editor.session.workshop().Maps[0].Stages) != 2 {
		t.Fatal("the read-only library's workshop did not open")
	}
	banner := ui.editor.readOnly
	if !banner.box.Visible() || !strings.Contains(banner.label.Text, "Read-only library") || !strings.Contains(banner.label.Text, path) {
		t.Errorf("banner visible %v with %q; want it naming %s", banner.box.Visible(), banner.label.Text, path)
	}
	if ui.editor.status.box.Visible() {
		t.Errorf("opening a read-only library reported %q", ui.editor.status.label.Text)
	}
}
