package room

import (
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
)

// The room reads a measured map's observed lead time beside the model's; a drawn map has none.
func TestFiguresShowObservedLeadTime(t *testing.T) {
	w := workshop.NewWorkshop("Release")
	w.Calendar = workshop.MeasuredCalendar
	m := &workshop.Map{ID: "m1", Name: "Current state (measured)", State: workshop.Current,
		Stages: []*workshop.Stage{{ID: "a", Name: "Dev", Process: 90, Wait: 30}}}
	w.Maps = []*workshop.Map{m}
	for _, tt := range []struct {
		observed *workshop.Observed
		want     string
	}{
		{&workshop.Observed{Items: 2, P50: 380, P85: 415, P95: 425}, "observed P50 6h 20m / P85 6h 55m, 2 items"},
		{nil, ""},
	} {
		m.Observed = tt.observed
		mt, err := w.Compute(m)
		if err != nil {
			t.Fatal(err)
		}
		band := drawFigures(w, m, mt, nil, 0, 1920, 1, paletteFor(false))
		var changes []string
		for _, c := range band.changes {
			changes = append(changes, c.Text)
		}
		if got := strings.Join(changes, " | "); got != tt.want {
			t.Errorf("observed %+v: changes %q, want %q", tt.observed, got, tt.want)
		}
	}
}
