package panels

import (
	"errors"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestLook renders every panel with the real theme to PNGs, for a person to look at. It runs
// only with LEADLINE_LOOK set to a directory, e.g. LEADLINE_LOOK=/tmp/panels-look.
func TestLook(t *testing.T) {
	dir := os.Getenv("LEADLINE_LOOK")
	if dir == "" {
		t.Skip("set LEADLINE_LOOK=/some/dir to render the panels to PNGs")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, variant := range []struct {
		name  string
		theme fyne.Theme
	}{{"light", fixedVariant{theme.DefaultTheme(), theme.VariantLight}}, {"dark", fixedVariant{theme.DefaultTheme(), theme.VariantDark}}} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(variant.theme)
		w, m := ideaToCustomer(t)
		future := withFutureState(t, w, m)
		mt := mustCompute(t, w, m)
		futureMetrics := mustCompute(t, w, future)

		bar := NewMetricsBar()
		bar.Update(w, futureMetrics, nil)
		largeBar := NewMetricsBar()
		largeBar.SetLarge(true)
		largeBar.Update(w, mt, nil)
		errorBar := NewMetricsBar()
		errorBar.Update(w, nil, errors.New(`map "Idea to customer": forward flows make a loop "A" → "B" → "A"; draw the way back as a rework flow`))
		delays := NewDelays()
		delays.Update(w, mt)
		ladder := NewLadder()
		ladder.Update(w, mt)
		largeLadder := NewLadder()
		largeLadder.SetLarge(true)
		largeLadder.Update(w, mt)
		chart := NewDepartmentChart()
		chart.Update(w, mt)
		editor := NewStageEditor()
		editor.IdleCommit = 0
		editor.Show(w, m, "s4")
		emptyEditor := NewStageEditor()
		emptyEditor.Show(w, m, "")
		timer := NewTimer()
		timer.TickEvery = 0
		now := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
		timer.Now = func() time.Time { return now }
		timer.SetPreset(10 * time.Minute)
		timer.Start()
		now = now.Add(3*time.Minute + 25*time.Second)
		timer.Tick()
		finished := NewTimer()
		finished.TickEvery = 0
		finished.Now = func() time.Time { return now }
		finished.SetLarge(true)
		finished.Start()
		now = now.Add(6 * time.Minute)
		finished.Tick()
		form := NewWorkshopForm()
		form.IdleCommit = 0
		w.Facilitator, w.Date, w.Participants = "Sam", "2025-03-14", []string{"Ana (Sales)", "Bo (Finance)"}
		form.Show(w)

		panels := []struct {
			name    string
			content fyne.CanvasObject
			size    fyne.Size
		}{
			{"metricsbar", bar, fyne.NewSize(1100, 130)},
			{"metricsbar-large", largeBar, fyne.NewSize(1800, 200)},
			{"metricsbar-error", errorBar, fyne.NewSize(1100, 130)},
			{"delays", delays, fyne.NewSize(360, 560)},
			{"ladder", ladder, fyne.NewSize(1200, 140)},
			{"ladder-large", largeLadder, fyne.NewSize(1800, 220)},
			{"departments", chart, fyne.NewSize(520, 260)},
			{"editor", editor.Content(), fyne.NewSize(360, 760)},
			{"editor-empty", emptyEditor.Content(), fyne.NewSize(360, 200)},
			{"timer", container.NewVBox(timer), fyne.NewSize(320, 190)},
			{"timer-finished-large", container.NewVBox(finished), fyne.NewSize(560, 260)},
			{"glossary", NewGlossary(), fyne.NewSize(380, 700)},
			{"workshopform", form.Content(), fyne.NewSize(420, 640)},
		}
		for _, p := range panels {
			win := test.NewTempWindow(t, p.content)
			win.SetPadded(false)
			win.Resize(p.size)
			path := filepath.Join(dir, p.name+"-"+variant.name+".png")
			file, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(file, win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			file.Close()
			t.Log(path)
		}
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
