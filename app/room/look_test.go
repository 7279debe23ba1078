package room

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"leadline.app/leadline/app/panels"
)

// TestLook renders the room view to PNGs for a person to look at. It runs only with
// LEADLINE_LOOK set to a directory, e.g. LEADLINE_LOOK=/tmp/room-look.
func TestLook(t *testing.T) {
	dir := os.Getenv("LEADLINE_LOOK")
	if dir == "" {
		t.Skip("set LEADLINE_LOOK=/some/dir to render the room view to PNGs")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, variant := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		for _, src := range []struct {
			name string
			src  Source
		}{{"seven", sevenStages()}, {"sixteen", sampleSource(t, 0)}, {"future", sampleSource(t, 1)}, {"big", bigMap(40)}} {
			for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 720}} {
				a := test.NewTempApp(t)
				a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), variant.v})
				v := NewView(src.src, panels.NewTimer())
				w := test.NewTempWindow(t, v)
				w.SetPadded(false)
				w.Resize(size)
				img := w.Canvas().Capture()
				name := filepath.Join(dir, src.name+"-"+variant.name+"-"+itoa(int(size.Width))+".png")
				f, err := os.Create(name)
				if err != nil {
					t.Fatal(err)
				}
				if err := png.Encode(f, img); err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
		}
	}
}
