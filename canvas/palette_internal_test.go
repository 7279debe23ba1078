package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// paletteHarness shows a palette left of an empty map, as the app lays them out.
func paletteHarness(t *testing.T) (*harness, *Palette) {
	t.Helper()
	w := workshop.NewWorkshop("Empty")
	w.Maps = []*workshop.Map{{ID: "m1", Name: "Empty", State: workshop.Current}}
	h := newHarness(t, w, fyne.NewSize(1000, 600))
	palette := NewPalette(h.view)
	h.window.SetContent(container.NewBorder(nil, nil, palette, nil, h.view))
	h.window.Resize(fyne.NewSize(1000, 600))
	return h, palette
}

func TestPaletteDragCreatesStageAtDropPoint(t *testing.T) {
	tests := []struct {
		name         string
		zoom         float32
		pan          fyne.Position
		drop         fyne.Position // in the map view
		wantX, wantY float64
	}{
		// map point = (drop − pan) ÷ zoom
		{"zoomed in and panned", 2, fyne.NewPos(100, -50), fyne.NewPos(300, 250), 100, 150},
		{"zoomed out and panned left", 0.5, fyne.NewPos(-200, 30), fyne.NewPos(150, 80), 700, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			h, palette := paletteHarness(t)
			h.view.zoom, h.view.pan = tt.zoom, tt.pan
			h.view.relayoutAll()

			item := palette.items[8] // Development
			driver := fyne.CurrentApp().Driver()
			itemAt := driver.AbsolutePositionForObject(item)
			viewAt := driver.AbsolutePositionForObject(h.view)
			start := fyne.NewPos(10, 10)
			end := viewAt.Add(tt.drop).Subtract(itemAt) // the drop point, relative to the item
			dragFrom(item, start, end.X-start.X, end.Y-start.Y, 8)

			if len(h.commands) != 1 {
				t.Fatalf("commands = %d, want 1", len(h.commands))
			}
			add, ok := h.commands[0].(*workshop.AddStage)
			if !ok {
				t.Fatalf("command = %T, want *workshop.AddStage", h.commands[0])
			}
			s := add.Stage
			if s.Name != "Development" || s.Department != "Development" || s.X != tt.wantX || s.Y != tt.wantY {
				t.Errorf("AddStage %q/%q at (%v, %v), want Development at (%v, %v)", s.Name, s.Department, s.X, s.Y, tt.wantX, tt.wantY)
			}
			card := h.view.cards[s.ID]
			if card == nil || len(h.model.Stages) != 1 {
				t.Fatal("the dropped stage has no card")
			}
			if got := h.view.Selected(); len(got) != 1 || got[0] != s.ID {
				t.Errorf("selected %v, want the new stage %s", got, s.ID)
			}
			if len(h.renames) != 1 || h.renames[0] != s.ID {
				t.Errorf("rename requests %v, want the new stage", h.renames)
			}
			if got := card.Position().Add(h.view.pan); got != tt.drop {
				t.Errorf("card drawn at %v, want the drop point %v", got, tt.drop)
			}
			if h.view.hint.Visible() || h.view.ghost.Visible() {
				t.Error("the empty-map hint or the drop preview is still showing")
			}
		})
	}
}

func TestPaletteDropOutsideTheMapCreatesNothing(t *testing.T) {
	test.NewTempApp(t)
	h, palette := paletteHarness(t)
	if !h.view.hint.Visible() {
		t.Error("an empty map should show the hint")
	}
	dragFrom(palette.items[0], fyne.NewPos(10, 10), 20, 5, 3) // stays over the palette
	if len(h.commands) != 0 || h.view.ghost.Visible() {
		t.Errorf("commands %d, ghost visible %v: want none", len(h.commands), h.view.ghost.Visible())
	}
}

func TestPaletteCustomDepartment(t *testing.T) {
	test.NewTempApp(t)
	h, palette := paletteHarness(t)
	test.Type(palette.entry, "Data protection office")
	test.Tap(palette.custom)
	if len(h.model.Stages) != 1 || h.model.Stages[0].Department != "Data protection office" {
		t.Fatalf("stages %+v, want one from the custom department", h.model.Stages)
	}
}

// On a 1280×720 screen the editor leaves the palette a column 632 px high (below the toolbar
// and the map tabs). Every department, the custom department's field and its chip must show in
// it whole, without scrolling: the custom field used to sit below the fold, cut off.
func TestPaletteFitsTheColumnOfA720Screen(t *testing.T) {
	test.NewTempApp(t)
	for _, height := range []float32{632, 400} {
		palette := NewPalette(nil)
		window := test.NewTempWindow(t, palette)
		window.SetPadded(false)
		window.Resize(fyne.NewSize(170, height))
		bottom := palette.Position().Y + palette.Size().Height
		d := fyne.CurrentApp().Driver()
		pinned := map[string]fyne.CanvasObject{"custom department field": palette.entry, "custom chip": palette.custom}
		for name, o := range pinned {
			if end := d.AbsolutePositionForObject(o).Y + o.Size().Height; end > bottom || !o.Visible() {
				t.Errorf("%.0f px high: the %s ends at %.0f, below the palette's %.0f", height, name, end, bottom)
			}
		}
		if height < 632 {
			continue // a shorter screen scrolls the departments; the custom field stays in view
		}
		for _, item := range palette.items {
			if end := d.AbsolutePositionForObject(item).Y + item.Size().Height; end > d.AbsolutePositionForObject(palette.entry).Y {
				t.Errorf("%s ends at %.0f, under the custom field: the list needs scrolling at 720 px", item.department, end)
			}
		}
	}
}
