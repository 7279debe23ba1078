package panels

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// tipWindow puts a button at the top and one at the bottom of a window, under a tip layer.
func tipWindow(t *testing.T) (fyne.Window, *TipLayer, *TipButton, *TipButton, *int) {
	t.Helper()
	test.NewTempApp(t)
	layer := NewTipLayer()
	layer.Delay = 0
	taps := 0
	top := NewTipButton(layer, "", theme.ZoomInIcon(), "Zoom in", func() { taps++ })
	bottom := NewTipButton(layer, "", theme.HelpIcon(), "Keyboard and mouse (F1)", nil)
	content := container.NewVBox(container.NewHBox(top), layout.NewSpacer(), container.NewHBox(layout.NewSpacer(), bottom))
	window := test.NewTempWindow(t, container.NewStack(content, layer.Content()))
	window.Resize(fyne.NewSize(400, 300))
	return window, layer, top, bottom, &taps
}

func centreOf(o fyne.CanvasObject) fyne.Position {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return at.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

// A tip shows below its button, or above it at the bottom edge, inside the window; it goes when
// the pointer leaves or the button is clicked, and the click still reaches the button.
func TestTipPlacementAndClickThrough(t *testing.T) {
	window, layer, top, bottom, taps := tipWindow(t)
	c := window.Canvas()
	test.MoveMouse(c, centreOf(top))
	if layer.Showing() != "Zoom in" {
		t.Fatalf("hovering shows %q", layer.Showing())
	}
	tipAt := layer.tip.Position()
	if tipAt.Y < top.Size().Height || tipAt.X < 0 {
		t.Errorf("tip at %v covers its button (%v tall)", tipAt, top.Size().Height)
	}
	test.TapCanvas(c, centreOf(top))
	if *taps != 1 || layer.Showing() != "" {
		t.Errorf("a click under the tip: %d taps, tip %q", *taps, layer.Showing())
	}

	test.MoveMouse(c, centreOf(bottom))
	tipAt, size := layer.tip.Position(), layer.tip.Size()
	bottomAt := fyne.CurrentApp().Driver().AbsolutePositionForObject(bottom)
	if layer.Showing() != "Keyboard and mouse (F1)" || tipAt.Y+size.Height > bottomAt.Y || tipAt.X+size.Width > 400 {
		t.Errorf("bottom-right tip %q at %v size %v: not above its button at %v, inside 400 px", layer.Showing(), tipAt, size, bottomAt)
	}
	test.MoveMouse(c, fyne.NewPos(200, 150))
	if layer.Showing() != "" {
		t.Errorf("tip %q stays after the pointer left", layer.Showing())
	}
}

// A tip waits for the pointer to rest, leaving goes before it shows, and a tip follows SetTip
// while it shows (Undo after an edit).
func TestTipDelayAndSetTip(t *testing.T) {
	window, layer, top, _, _ := tipWindow(t)
	layer.Delay = time.Hour // never fires here: Fyne's test driver would run it on the timer's goroutine
	test.MoveMouse(window.Canvas(), centreOf(top))
	if layer.Showing() != "" || layer.timer == nil {
		t.Fatalf("at once the tip shows %q, pending %v; want nothing yet, pending", layer.Showing(), layer.timer != nil)
	}
	test.MoveMouse(window.Canvas(), fyne.NewPos(200, 150))
	if layer.timer != nil {
		t.Error("leaving the button leaves its tip pending")
	}
	layer.Delay = 0
	test.MoveMouse(window.Canvas(), centreOf(top))
	top.SetTip("Undo Connect stages")
	if layer.Showing() != "Undo Connect stages" {
		t.Errorf("after SetTip the tip is %q", layer.Showing())
	}
}
