package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop/formats"
	"leadline.app/leadline/workshop/store"
)

// The window reopens at the size it was closed at, kept in the library, and within the screen
// it opens on.
func TestWindowReopensAtItsLastSizeWithinTheScreen(t *testing.T) {
	a := test.NewTempApp(t)
	lib, _, path := newTestLibrary(t)
	first := New(a, Options{Library: lib})
	if got := first.Window().Canvas().Size(); got != defaultWindowSize {
		t.Errorf("first start at %v, want the default %v", got, defaultWindowSize)
	}
	first.Window().Resize(fyne.NewSize(1500, 760))
	first.shutdown()

	for _, tc := range []struct {
		name          string
		width, height int // the screen, in pixels
		want          fyne.Size
	}{
		{"a big screen", 1920, 1080, fyne.NewSize(1500, 760)},
		{"unknown screen", 0, 0, fyne.NewSize(1500, 760)},
		{"a 1280×720 projector", 1280, 720, fyne.NewSize(1280, 720)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			ui := New(a, Options{Library: lib})
			defer ui.shutdown()
			ui.FitScreen(tc.width, tc.height)
			if got := ui.Window().Canvas().Size(); got != tc.want {
				t.Errorf("reopened at %v, want %v", got, tc.want)
			}
		})
	}
}

// The default size is cut to a small screen too, and the editor fits in it: no panel asks for
// more room than a 1280×720 projector has.
func TestWindowFirstOpensWithinASmallScreen(t *testing.T) {
	ui := newTestUI(t)
	ui.FitScreen(1280, 720)
	if got := ui.Window().Canvas().Size(); got.Width > 1280 || got.Height > 720 {
		t.Errorf("on a 1280×720 screen the window is %v", got)
	}
	if min := ui.editor.content.MinSize(); min.Width > 1280 || min.Height > 720 {
		t.Errorf("the editor needs at least %v, more than a 1280×720 screen", min)
	}
}

// A future state adds the before/after table and the changes under each figure; the editor must
// still fit a 1280×720 projector, or Fyne grows the window past the screen (found trying the
// sample's future state at 720p: the window grew to 1914 px and Present went off the screen).
func TestFutureStateFitsASmallScreen(t *testing.T) {
	lib, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	sample := assets.Samples()[0]
	w, _, err := formats.Import(sample.File, sample.Data)
	if err != nil {
		t.Fatal(err)
	}
	id, err := lib.Create(w)
	if err != nil {
		t.Fatal(err)
	}
	ui := New(test.NewTempApp(t), Options{Library: lib, Workshop: id})
	defer ui.shutdown()
	e := ui.editor
	var future string
	for _, m := range e.session.workshop().Maps {
		if m.Baseline != "" {
			future = m.ID
		}
	}
	if future == "" {
		t.Fatal("the first sample has no future state")
	}
	e.switchMap(future)
	if !e.comparison.content.Visible() {
		t.Fatal("the future state shows no before/after")
	}
	if min := e.content.MinSize(); min.Width > 1280 || min.Height > 720 {
		t.Errorf("on the future state the editor needs at least %v, more than a 1280×720 screen", min)
	}
}
