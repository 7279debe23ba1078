package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// The pill shows no flow efficiency for a map whose stages have no times yet, as the metrics
// bar does, instead of a red "0 %".
func TestTotalsPillShowsNoEfficiencyWithoutLeadTime(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name  string
		stage workshop.Stage
		want  string
	}{
		{"stage without times", workshop.Stage{ID: "a", Name: "Ask"}, "—"},
		{"timed stage", workshop.Stage{ID: "a", Name: "Ask", Process: 30, Wait: 90}, "25 %"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := workshop.NewWorkshop("w")
			m := &workshop.Map{ID: "m", Name: "Now", Stages: []*workshop.Stage{&tc.stage}}
			w.Maps = append(w.Maps, m)
			mt, err := w.Compute(m)
			if err != nil {
				t.Fatal(err)
			}
			p := newTotalsPill()
			p.update(w, m, mt)
			if !p.content.Visible() || p.efficiency.Text != tc.want {
				t.Errorf("pill visible %v, flow efficiency %q; want visible, %q", p.content.Visible(), p.efficiency.Text, tc.want)
			}
		})
	}
}
