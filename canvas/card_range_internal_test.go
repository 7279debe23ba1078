package canvas

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

func TestCardShowsTheRange(t *testing.T) {
	test.NewTempApp(t)
	w := chainWorkshop(2)
	h := newHarness(t, w, fyne.NewSize(1000, 500))
	edited := *h.model.Stage("s1")
	// 2d from 1d to 1w, process 1h from 30m to 4h.
	edited.Wait, edited.WaitRange = 960, workshop.Range{Low: 480, High: 2400}
	edited.Process, edited.ProcessRange = 60, workshop.Range{Low: 30, High: 240}
	if err := h.view.OnCommand(&workshop.EditStage{MapID: "m1", StageID: "s1", Stage: edited}); err != nil {
		t.Fatal(err)
	}
	look := h.view.cards["s1"].look
	if look.wait != "2d (1d–1w)" || look.process != "1h (30m–4h)" {
		t.Errorf("card shows wait %q, process %q; want 2d (1d–1w) and 1h (30m–4h)", look.wait, look.process)
	}
	if plain := h.view.cards["s2"].look.wait; strings.Contains(plain, "(") {
		t.Errorf("a stage without a range shows %q", plain)
	}
}

// A range too wide for its row is dropped before the time is shortened; one that fits stays.
func TestCardRowValueFits(t *testing.T) {
	test.NewTempApp(t)
	style := fyne.TextStyle{Bold: true}
	width := fyne.MeasureText("1h 30m (1h–2h)", 11, style).Width
	tests := []struct{ text, want string }{
		{"1h 30m (1h–2h)", "1h 30m (1h–2h)"},
		{"1h 30m (1h 6m–1h 54m)", "1h 30m"},
		{"%C&A", "%C&A"},
	}
	for _, tt := range tests {
		if got := fitRowValue(tt.text, width, 11, style); got != tt.want {
			t.Errorf("fitRowValue(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := fitRowValue("3w 4d 7h 59m (1w–9w 4d 7h)", fyne.MeasureText("3w 4d", 11, style).Width, 11, style); !strings.HasSuffix(got, "…") {
		t.Errorf("a time too wide even without its range reads %q, want it shortened with …", got)
	}
}
