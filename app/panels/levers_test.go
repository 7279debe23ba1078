package panels

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"leadline.app/leadline/workshop"
)

// releaseSignOffs is the worked example: PM, PO and QA sign off in parallel.
func releaseSignOffs() (*workshop.Workshop, *workshop.Map) {
	stage := func(id string, wait, process float64) *workshop.Stage {
		return &workshop.Stage{ID: id, Name: id, Wait: wait, Process: process}
	}
	m := &workshop.Map{ID: "m1", Name: "Release", State: workshop.Current, Stages: []*workshop.Stage{
		stage("Staging", 60, 30), stage("PM", 960, 60), stage("PO", 1440, 120), stage("QA", 480, 480), stage("Release", 2400, 30),
	}}
	for _, signOff := range []string{"PM", "PO", "QA"} {
		m.Flows = append(m.Flows, workshop.Flow{From: "Staging", To: signOff}, workshop.Flow{From: signOff, To: "Release"})
	}
	w := workshop.NewWorkshop("Release")
	w.Maps = []*workshop.Map{m}
	return w, m
}

func TestLeversPanel(t *testing.T) {
	test.NewTempApp(t)
	w, m := releaseSignOffs()
	levers, err := m.Levers()
	if err != nil {
		t.Fatal(err)
	}
	l := NewLevers()
	var selected string
	l.OnSelect = func(id string) { selected = id }
	window := test.NewTempWindow(t, l)
	window.Resize(fyne.NewSize(360, 600))
	l.Update(w, levers)

	// Lead 90 + 1560 + 2430 = 4080. Release buys its 2400 wait (5d = 1w, 59 %), PO 540
	// (1d 1h, 13 %) of its 1440 (3d), Staging 60 (1h, 1.5 %); PM and QA buy nothing.
	want := []struct {
		name, gain, share string
		red               bool
		bar               float32
	}{
		{"1. Release", "−1w", "59 % of lead time", true, 1},
		{"2. PO", "−1d 1h", "13 % of lead time · wait 3d", true, 540.0 / 2400},
		{"3. Staging", "−1h", "1.5 % of lead time", true, 60.0 / 2400},
		{"4. PM", "0", "2d wait off the critical path", false, 0},
		{"5. QA", "0", "1d wait off the critical path", false, 0},
	}
	for i, row := range l.rows {
		red := row.bar.FillColor == theme.Color(theme.ColorNameError)
		if row.name.Text != want[i].name || row.gain.Text != want[i].gain || row.share.Text != want[i].share ||
			red != want[i].red || row.bars.fraction != want[i].bar {
			t.Errorf("row %d = {%q %q %q red %v bar %v}, want %+v", i, row.name.Text, row.gain.Text, row.share.Text, red, row.bars.fraction, want[i])
		}
	}
	if got := l.rows[1].bar.Size().Width / l.rows[0].bar.Size().Width; got < 0.2 || got > 0.25 {
		t.Errorf("PO's bar is %.2f of Release's, want 540/2400 = 0.225", got)
	}
	test.Tap(l.rows[1])
	if selected != "PO" {
		t.Errorf("tapping row 2 selected %q, want PO", selected)
	}
	l.Update(w, nil)
	if !l.empty.Visible() || l.rows[0].Visible() {
		t.Error("no levers must show the empty state")
	}
}
