package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/report"
)

// pageText reads one page back with pdftotext.
func pageText(t *testing.T, pdf []byte, page int) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "handout.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", n, "-l", n, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// releaseWorkshop is the worked example of the levers: PM, PO and QA sign off in parallel
// between staging and a weekly release. A one-map workshop whose map is named after it.
func releaseWorkshop() *workshop.Workshop {
	stage := func(id, name string, wait, process float64) *workshop.Stage {
		return &workshop.Stage{ID: id, Name: name, Department: "Product", Wait: wait, Process: process, X: 0, Y: 0}
	}
	m := &workshop.Map{ID: "m1", Name: "Freigabe", State: workshop.Current, Stages: []*workshop.Stage{
		stage("st", "Staging", 60, 30), stage("pm", "PM-Abnahme", 960, 60), stage("po", "PO-Abnahme", 1440, 120),
		stage("qa", "Qualitätssicherung", 480, 480), stage("rel", "Wöchentliche Auslieferung", 2400, 30),
	}}
	for i, s := range m.Stages {
		s.X, s.Y = float64(i)*180, 0
	}
	m.Stages[1].Y, m.Stages[3].Y = -120, 120
	m.Stages[1].X, m.Stages[2].X, m.Stages[3].X, m.Stages[4].X = 180, 180, 180, 360
	for _, signOff := range []string{"pm", "po", "qa"} {
		m.Flows = append(m.Flows, workshop.Flow{From: "st", To: signOff}, workshop.Flow{From: signOff, To: "rel"})
	}
	m.Ideas = []workshop.Idea{{Stage: "po", Text: "Abnahme im Daily", Owner: "Produktleitung"}}
	w := workshop.NewWorkshop("Freigabe")
	w.Maps = []*workshop.Map{m}
	return w
}

func TestFirstPageTellsTheStory(t *testing.T) {
	w := releaseWorkshop()
	pdf := export(t, w, report.Options{}).PDF
	page1 := pageText(t, pdf, 1)
	// Lead 90 + 1560 + 2430 = 4080. Levers: the release wait buys 2400 (1w), PO's 1440 buys 540
	// (1d 1h at 8-hour days), staging's 60 buys 1h; PM and QA buy nothing.
	cursor := 0
	for _, want := range []string{"Freigabe", "Current state", "LEAD TIME", "1w 3d 4h", "Where to act first",
		"Wöchentliche Auslieferung", "saves 1w of lead time (59 %)",
		"PO-Abnahme", "saves 1d 1h of lead time (13 %) of a 3d wait", "Owner: Produktleitung — Abnahme im Daily",
		"Staging", "saves 1h", "KEY FINDINGS"} {
		cursor = indexFrom(t, page1, want, cursor, "page 1")
	}
	if strings.Contains(page1, "DATE") || strings.Contains(page1, "FACILITATOR") || strings.Contains(page1, "PARTICIPANTS") {
		t.Errorf("empty date, facilitator and participants must be left out, not shown as —:\n%s", page1)
	}
	if strings.Contains(page1, "Freigabe — current state") || strings.Count(page1, "Freigabe") != 1 { // the title; header and footer leave it out
		t.Errorf("the title is printed more than once:\n%s", page1)
	}
	if strings.Contains(page1, "FORECAST") {
		t.Error("a map without ranges has no forecast panel")
	}
	if strings.Contains(page1, "4    PM-Abnahme") || strings.Contains(page1, "saves 0") {
		t.Error("PM's wait buys nothing and is not among the levers to act on")
	}

	// The section after "Longest delays" lists the levers with gain and share, in order.
	text := pdfText(t, pdf)
	section := indexFrom(t, text, "Where to act first", indexFrom(t, text, "Longest delays", 0, "delays"), "levers section")
	end := indexFrom(t, text, "Value stream map", section, "end of the levers section")
	levers := text[section:end]
	at := 0
	for _, want := range []string{"Wöchentliche Auslieferung", "1w", "59 %", "PO-Abnahme", "3d", "1d 1h", "13 %", "Produktleitung",
		"Staging", "1h", "1.5 %", "2 waits buy nothing"} {
		at = indexFrom(t, levers, want, at, "levers section")
	}
}

func TestFirstPageForecastAndBeforeAfter(t *testing.T) {
	w := richWorkshop(t)
	for _, m := range w.Maps {
		for _, s := range m.Stages {
			if s.Wait > 0 {
				s.WaitRange = workshop.Range{Low: s.Wait / 2, High: s.Wait * 2}
			}
		}
	}
	pdf := export(t, w, report.Options{}).PDF
	page1 := pageText(t, pdf, 1)
	cursor := 0
	for _, want := range []string{"Produktentwicklung München — Wertstrom", "Where to act first", "FORECAST", "10,000 TRIALS",
		"P50", "P85", "P95", "Most critical uncertain stages:"} {
		cursor = indexFrom(t, page1, want, cursor, "page 1 with ranges")
	}
	// The future state's first page: find the page that opens it.
	text := pdfText(t, pdf)
	future := indexFrom(t, text, "Idea to customer, future", indexFrom(t, text, "Improvement ideas", 0, "end of the current state"), "future state")
	// The map's cards show the ranges: Marketing campaign waits 1w, from 2d 4h to 2w.
	indexFrom(t, text, "1w (2d 4h–2w)", indexFrom(t, text, "Value stream map", 0, "map page"), "a card's range")
	for _, want := range []string{"BEFORE → AFTER", "Lead time", "→"} {
		indexFrom(t, text, want, future, "future state's first page")
	}
}
