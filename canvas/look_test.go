package canvas

import (
	"image/color"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestWriteLookPNG renders the sample-like map to a PNG for a human to look at. It runs only
// when LEADLINE_CANVAS_PNG names the file to write.
func TestWriteLookPNG(t *testing.T) {
	out := os.Getenv("LEADLINE_CANVAS_PNG")
	if out == "" {
		t.Skip("set LEADLINE_CANVAS_PNG=/tmp/canvas.png to write the picture")
	}
	a := test.NewTempApp(t)
	if os.Getenv("LEADLINE_CANVAS_DARK") != "" {
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	} else {
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	}
	h := newHarness(t, releaseWorkshop(), fyne.NewSize(1400, 700))
	palette := NewPalette(h.view)
	h.window.SetContent(container.NewBorder(nil, nil, palette, nil, h.view))
	h.window.Resize(fyne.NewSize(1400, 700))
	h.view.FitMap()
	h.view.Select("s8")
	if os.Getenv("LEADLINE_CANVAS_PRESENTER") != "" {
		h.view.SetPresenter(true)
	}
	if os.Getenv("LEADLINE_CANVAS_ZOOM") != "" {
		h.view.SetZoom(1)
		h.view.CenterOn("s6")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, h.window.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// fixedVariant shows Fyne's default theme in one variant, whatever the user prefers.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
