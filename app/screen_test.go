package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/panels"
	"leadline.app/leadline/workshop"
)

// newSizedTestUI opens the test UI in a window of a real laptop's size.
func newSizedTestUI(t *testing.T) *App {
	t.Helper()
	ui := newTestUI(t)
	ui.editor.tips.Delay = 0
	ui.Window().Resize(fyne.NewSize(1440, 900))
	return ui
}

func absolute(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// A status message floats over the map: neither the map nor the figures under it move or
// change size while it shows or when it goes.
func TestStatusMessageKeepsTheMapInPlace(t *testing.T) {
	ui := newSizedTestUI(t)
	e := ui.editor
	type place struct {
		pos  fyne.Position
		size fyne.Size
	}
	where := func() []place {
		var places []place
		for _, o := range []fyne.CanvasObject{e.mapView, e.metricsBar, e.ladder} {
			places = append(places, place{absolute(o), o.Size()})
		}
		return places
	}
	before := where()
	for _, show := range []struct {
		what string
		show func()
	}{
		{"a note", func() { ui.showNote("Undone") }},
		{"an error", func() { ui.showError(errors.New(`forward flows make a loop "Build" and "Test"`)) }},
		{"no message", e.status.clear},
	} {
		show.show()
		if got := where(); len(got) != len(before) || got[0] != before[0] || got[1] != before[1] || got[2] != before[2] {
			t.Errorf("with %s showing, map, metrics bar and ladder are at %v, were at %v", show.what, got, before)
		}
	}
	ui.showNote("Saved")
	if !e.status.box.Visible() || e.status.label.Text != "Saved" {
		t.Fatalf("the note is not shown: visible %v, %q", e.status.box.Visible(), e.status.label.Text)
	}
	// It sits over the foot of the map, inside it.
	label, mapPos := absolute(e.status.label), absolute(e.mapView)
	if label.Y < mapPos.Y+e.mapView.Size().Height/2 || label.Y > mapPos.Y+e.mapView.Size().Height {
		t.Errorf("status text at y=%v, want it over the lower half of the map (y %v to %v)", label.Y, mapPos.Y, mapPos.Y+e.mapView.Size().Height)
	}
}

// The toolbar's buttons stay where they are as Undo and Redo change what they would do: what
// they would undo is in the tooltip, not in the label.
func TestToolbarButtonsKeepTheirPlaceAcrossUndoRedo(t *testing.T) {
	ui := newSizedTestUI(t)
	e := ui.editor
	xs := func() []float32 {
		var out []float32
		for _, o := range e.toolbar.bar.Objects {
			out = append(out, absolute(o).X, o.Size().Width)
		}
		return out
	}
	before := xs()
	steps := []struct {
		what, undoTip, redoTip string
		do                     func()
	}{
		{"two edits", "Undo Connect stages", "Nothing to redo", func() {
			if err := e.apply(&workshop.AddStage{MapID: "m1", Stage: workshop.Stage{ID: "c", Name: "Release", X: 400}}); err != nil {
				t.Fatal(err)
			}
			if err := e.apply(&workshop.AddFlow{MapID: "m1", Flow: workshop.Flow{From: "b", To: "c"}}); err != nil {
				t.Fatal(err)
			}
		}},
		{"undo", "Undo Add stage", "Redo Connect stages", e.undo},
		{"undo again", "Nothing to undo", "Redo Add stage", e.undo},
		{"redo", "Undo Add stage", "Redo Connect stages", e.redo},
	}
	for _, step := range steps {
		step.do()
		e.toolbar.bar.Refresh()
		got := xs()
		for i := range before {
			if got[i] != before[i] {
				t.Errorf("after %s toolbar item %d at x/width %v, was %v", step.what, i/2, got[i], before[i])
			}
		}
		if e.toolbar.undo.Text != "Undo" || e.toolbar.redo.Text != "Redo" {
			t.Errorf("after %s the buttons read %q and %q", step.what, e.toolbar.undo.Text, e.toolbar.redo.Text)
		}
		if e.toolbar.undo.Tip() != step.undoTip || e.toolbar.redo.Tip() != step.redoTip {
			t.Errorf("after %s the tooltips say %q and %q, want %q and %q", step.what, e.toolbar.undo.Tip(), e.toolbar.redo.Tip(), step.undoTip, step.redoTip)
		}
	}
}

// Resting the pointer on an icon-only button shows what it does beside it; moving away hides
// it; the tip takes no click, so the button under it still works.
func TestTooltipsOnIconButtons(t *testing.T) {
	ui := newSizedTestUI(t)
	e := ui.editor
	c := ui.Window().Canvas()
	var zoomIn *panels.TipButton
	iconOnly := 0
	for _, o := range append(e.toolbar.bar.Objects, e.mapTabs.box.Objects...) {
		switch b := o.(type) {
		case *panels.TipButton:
			if b.Tip() == "Zoom in" {
				zoomIn = b
			}
			if b.Text == "" {
				iconOnly++
			}
		case *widget.Button:
			if b.Text == "" {
				t.Errorf("an icon-only button without a tooltip in the toolbar")
			}
		}
	}
	if zoomIn == nil || iconOnly < 4 {
		t.Fatalf("zoom in %v, %d icon-only buttons with tooltips; want zoom out, zoom in, theme and help at least", zoomIn, iconOnly)
	}
	centre := absolute(zoomIn).Add(fyne.NewPos(zoomIn.Size().Width/2, zoomIn.Size().Height/2))
	test.MoveMouse(c, centre)
	if got := e.tips.Showing(); got != "Zoom in" {
		t.Fatalf("hovering zoom in shows %q", got)
	}
	zoom := e.mapView.Zoom()
	test.TapCanvas(c, centre)
	if e.mapView.Zoom() <= zoom {
		t.Errorf("a click on the button under its tip did not zoom in: %v, was %v", e.mapView.Zoom(), zoom)
	}
	test.MoveMouse(c, fyne.NewPos(700, 500))
	if got := e.tips.Showing(); got != "" {
		t.Errorf("the tip %q stays after the pointer left the button", got)
	}
}

// A refused loop is told with a glyph the app's font has: Noto Sans has no "→", and the space
// after it came out as "�".
func TestRefusalMessagesUseGlyphsTheFontHas(t *testing.T) {
	ui := newSizedTestUI(t)
	e := ui.editor
	if err := e.apply(&workshop.AddFlow{MapID: "m1", Flow: workshop.Flow{From: "b", To: "a"}}); err == nil {
		t.Fatal("a loop was accepted")
	}
	text := e.status.label.Text
	if strings.Contains(text, "→") || !strings.Contains(text, `"Build" › "QA sign-off" › "Build"`) &&
		!strings.Contains(text, `"QA sign-off" › "Build" › "QA sign-off"`) {
		t.Errorf("loop message %q", text)
	}
}

// A future state's tab says "future" once: "Current state (future)", not "… (future) · future";
// one named otherwise is marked.
func TestFutureStateTabSaysFutureOnce(t *testing.T) {
	ui := newSizedTestUI(t)
	e := ui.editor
	e.mapTabs.createFutureState()
	if err := e.apply(&workshop.AddMap{Map: &workshop.Map{ID: e.session.workshop().NewMapID(), Name: "To be", State: workshop.Future}}); err != nil {
		t.Fatal(err)
	}
	e.mapTabs.refresh()
	var labels []string
	for _, o := range e.mapTabs.tabs.Objects {
		labels = append(labels, o.(*widget.Button).Text)
	}
	want := []string{"Feature release", "Feature release (future)", "To be  ·  future"}
	if strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Errorf("tabs %q, want %q", labels, want)
	}
}
