package report_test

import (
	"fmt"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formattest"
	"leadline.app/leadline/workshop/report"
)

// TestHandoutWritesDurationsAsTheApp reads the handout back and finds every wait of the shared
// table (workshop/formattest, the one the app panels' tests read too) written in full on its
// stage's row, and the share of lead time written as FormatPercent does.
func TestHandoutWritesDurationsAsTheApp(t *testing.T) {
	m := &workshop.Map{ID: "m", Name: "Formats", State: workshop.Current}
	var waits []formattest.Duration
	for _, d := range formattest.Durations {
		if d.Minutes >= 1 && d.Minutes < 1e6 { // a positive wait the map can hold beside the others
			waits = append(waits, d)
		}
	}
	for i, d := range waits {
		m.Stages = append(m.Stages, &workshop.Stage{ID: fmt.Sprint("s", i), Name: fmt.Sprintf("Stage%02d", i),
			Department: "QA", Wait: d.Minutes, X: float64(i * 180)})
		if i > 0 { // one chain, so every wait is on the critical path
			m.Flows = append(m.Flows, workshop.Flow{From: fmt.Sprint("s", i-1), To: fmt.Sprint("s", i)})
		}
	}
	w := workshop.NewWorkshop("Formats")
	w.Maps = append(w.Maps, m)
	text := pdfText(t, export(t, w, report.Options{}).PDF)
	mt, err := w.Compute(m)
	if err != nil {
		t.Fatal(err)
	}
	if lead := workshop.FormatDuration(mt.LeadTime, w.Calendar); !strings.Contains(text, lead) {
		t.Errorf("lead time %q is not in the handout", lead)
	}
	for i, d := range waits {
		name := fmt.Sprintf("Stage%02d", i)
		// pdftotext -layout sometimes drops the narrow space before "%", so both sides lose it.
		share := strings.ReplaceAll(workshop.FormatPercent(d.Minutes/mt.LeadTime), " %", "%")
		found := false
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, name) && strings.Contains(line, " "+d.Full+" ") && strings.Contains(strings.ReplaceAll(line, " %", "%"), share) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no line of the handout shows %s with wait %q and share %q", name, d.Full, share)
		}
	}
}
