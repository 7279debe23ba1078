package panels

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"leadline.app/leadline/workshop"
)

func TestMetricsBarColoursEfficiencyByThreshold(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		efficiency float64
		text       string
		colour     fyne.ThemeColorName
	}{
		{0.40, "40 %", theme.ColorNameSuccess},
		{0.25, "25 %", theme.ColorNameSuccess},
		{0.249, "25 %", theme.ColorNameWarning}, // rounds to 25 % but is below the threshold
		{0.10, "10 %", theme.ColorNameWarning},
		{0.099, "9.9 %", theme.ColorNameError},
		{0.02, "2 %", theme.ColorNameError},
	} {
		b := NewMetricsBar()
		mt := &workshop.Metrics{LeadTime: 1000, ProcessTime: tc.efficiency * 1000, FlowEfficiency: tc.efficiency, RolledCA: 1}
		b.Update(nil, mt, nil)
		tile := b.tiles[tileEfficiency]
		if tile.value.Text != tc.text || tile.value.Color != theme.Color(tc.colour) || tile.accent.FillColor != theme.Color(tc.colour) {
			t.Errorf("efficiency %v: %q in %v, want %q in %s", tc.efficiency, tile.value.Text, tile.value.Color, tc.text, tc.colour)
		}
	}
}

func TestMetricsBarFigures(t *testing.T) {
	test.NewTempApp(t)
	week := 5 * 8 * 60.0
	before := &workshop.Metrics{LeadTime: 7.5 * week, ProcessTime: week, FlowEfficiency: 1 / 7.5, RolledCA: 0.5, CARecorded: 2, TotalProcess: 2 * week}
	after := &workshop.Metrics{LeadTime: 4.5 * week, ProcessTime: week, FlowEfficiency: 1 / 4.5, RolledCA: 1, TotalProcess: 2.5 * week,
		Baseline: &workshop.Comparison{Baseline: "Now", Before: before, LeadTimeChange: -3 * week, EfficiencyDiff: 1/4.5 - 1/7.5}}
	b := NewMetricsBar()
	b.Update(workshop.NewWorkshop("w"), after, nil)
	for _, tc := range []struct {
		tile        int
		value, note string
		noteColour  fyne.ThemeColorName
	}{
		{tileLeadTime, "4w 2d 4h", "−3w (−40 %)", theme.ColorNameSuccess},
		{tileProcessTime, "1w", "no change", theme.ColorNamePlaceHolder},
		{tileEfficiency, "22 %", "+8.9 pts", theme.ColorNameSuccess}, // 22.2 % − 13.3 %
		{tileRolledCA, "—", " ", theme.ColorNamePlaceHolder},         // no %C&A recorded in the future state
		{tileEffort, "2w 2d 4h", "+2d 4h (+25 %)", theme.ColorNameError},
	} {
		tile := b.tiles[tc.tile]
		if tile.value.Text != tc.value || tile.note.Text != tc.note || tile.note.Color != theme.Color(tc.noteColour) {
			t.Errorf("%s: %q / %q in %v, want %q / %q in %s", tileCaptions[tc.tile], tile.value.Text, tile.note.Text, tile.note.Color, tc.value, tc.note, tc.noteColour)
		}
	}

	b.Update(nil, nil, errors.New(`map "M": forward flows make a loop`))
	if b.row.Visible() || !b.errorMsg.Visible() || !strings.Contains(b.errorMsg.Text, "loop") {
		t.Errorf("with an error: tiles visible %v, message %q visible %v", b.row.Visible(), b.errorMsg.Text, b.errorMsg.Visible())
	}
	b.Update(nil, after, nil)
	if !b.row.Visible() || b.errorMsg.Visible() {
		t.Error("good metrics after an error should show the tiles again")
	}
}

// A map without lead time (no stages yet, or only stages without times) has no flow efficiency
// to show: "—" in neutral, as rolled %C&A shows with nothing recorded, never a red "0 %".
func TestMetricsBarShowsNoEfficiencyWithoutLeadTime(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name   string
		stages []*workshop.Stage
		want   string
	}{
		{"empty map", nil, "—"},
		{"stages without times", []*workshop.Stage{{ID: "a", Name: "Ask"}}, "—"},
		{"timed stage", []*workshop.Stage{{ID: "a", Name: "Ask", Process: 30, Wait: 90}}, "25 %"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := workshop.NewWorkshop("w")
			m := &workshop.Map{ID: "m", Name: "Now", Stages: tc.stages}
			w.Maps = append(w.Maps, m)
			mt, err := w.Compute(m)
			if err != nil {
				t.Fatal(err)
			}
			b := NewMetricsBar()
			b.Update(w, mt, nil)
			tile := b.tiles[tileEfficiency]
			if tile.value.Text != tc.want {
				t.Errorf("flow efficiency %q, want %q", tile.value.Text, tc.want)
			}
			if tc.want == "—" && (tile.valueStatus != statusNeutral || tile.value.Color != statusColour(statusNeutral)) {
				t.Errorf("no efficiency is coloured %v (status %d), want neutral", tile.value.Color, tile.valueStatus)
			}
		})
	}
}

// At the width the editor gives the bar on a 1280×720 screen, every figure keeps a margin to
// its tile's edge: the sample's total effort "3w 3d 5h", fitted to the pixel, ran into the edge.
func TestMetricsBarFiguresKeepAMarginAt1280(t *testing.T) {
	test.NewTempApp(t)
	day, week := 8*60.0, 5*8*60.0
	for _, tc := range []struct {
		name string
		mt   workshop.Metrics
	}{
		{"sample", workshop.Metrics{LeadTime: 20*week + day, ProcessTime: 3*week + 3*day, FlowEfficiency: 0.18,
			RolledCA: 0.054, CARecorded: 4, TotalProcess: 3*week + 3*day + 5*60}},
		{"longer figures", workshop.Metrics{LeadTime: 14*week + 3*day + 4*60, ProcessTime: 12*week + 3*day + 7*60,
			FlowEfficiency: 0.8, TotalProcess: 13*week + 4*day + 7*60}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewMetricsBar()
			w := test.NewTempWindow(t, b)
			w.Resize(fyne.NewSize(762, b.MinSize().Height+2*theme.Padding())) // the bar's width in the 1280×720 editor
			b.Update(workshop.NewWorkshop("w"), &tc.mt, nil)
			for i, tile := range b.tiles {
				drawn := fyne.MeasureText(tile.value.Text, tile.value.TextSize, tile.value.TextStyle).Width
				if room := tile.value.Size().Width; drawn+theme.Padding() > room {
					t.Errorf("%s %q: %.1f px wide at %.1f pt in %.1f px, want a margin of at least %.0f px",
						tileCaptions[i], tile.value.Text, drawn, tile.value.TextSize, room, theme.Padding())
				}
			}
		})
	}
}
