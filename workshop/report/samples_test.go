package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
	"leadline.app/leadline/workshop/report"
)

// rawText reads the PDF in content order with whitespace collapsed, where a name wrapped over
// two lines of a cell reads as one.
func rawText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "handout.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -raw: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestHandoutOfEverySample(t *testing.T) {
	samples := assets.Samples()
	if len(samples) == 0 {
		t.Skip("no sample workshops embedded yet")
	}
	for _, sample := range samples {
		t.Run(sample.File, func(t *testing.T) {
			w, _, err := formats.Import(sample.File, sample.Data)
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			result := export(t, w, report.Options{})
			text := pdfText(t, result.PDF)
			raw := rawText(t, result.PDF)
			if len(result.Replaced) != 0 {
				t.Errorf("samples need no replaced characters, got %q", result.Replaced)
			}
			cursor := 0
			for _, m := range w.Maps {
				mt, err := w.Compute(m)
				if err != nil {
					t.Fatalf("metrics of %q: %v", m.Name, err)
				}
				cursor = indexFrom(t, text, m.Name, cursor, "map name")
				delaysAt := indexFrom(t, text, "Longest delays", cursor, m.Name)
				mapAt := indexFrom(t, text, "Value stream map", delaysAt, m.Name)
				checkDelayOrder(t, text[delaysAt:mapAt], mt)
				cursor = mapAt
				for _, h := range []string{"Timeline along the critical path", "Wait and process by department", "Stage details", "Improvement ideas"} {
					cursor = indexFrom(t, text, h, cursor, m.Name)
				}
				if mt.Baseline != nil {
					cursor = indexFrom(t, text, "Before and after", cursor, m.Name)
				}
				for _, s := range m.Stages {
					name := strings.Join(strings.Fields(s.Name), " ")
					if !strings.Contains(text, name) && !strings.Contains(raw, name) {
						t.Errorf("map %q: stage name %q missing", m.Name, s.Name)
					}
				}
				for _, idea := range m.Ideas {
					if owner := strings.Join(strings.Fields(idea.Owner), " "); owner != "" && !strings.Contains(raw, owner) {
						t.Errorf("map %q: idea owner %q missing", m.Name, idea.Owner)
					}
				}
			}
		})
	}
}

// checkDelayOrder finds the ranked stages in the delays section in rank order.
func checkDelayOrder(t *testing.T, section string, mt *workshop.Metrics) {
	t.Helper()
	at := 0
	for _, d := range mt.LongestDelays {
		if d.Rank > 30 {
			break
		}
		i := strings.Index(section[at:], d.Stage.Name)
		if i < 0 {
			t.Errorf("delay rank %d %q not found in order in:\n%s", d.Rank, d.Stage.Name, section)
			return
		}
		at += i + len(d.Stage.Name)
	}
}

func writeSampleHandouts(t *testing.T, dir string) {
	for _, sample := range assets.Samples() {
		w, _, err := formats.Import(sample.File, sample.Data)
		if err != nil {
			t.Fatalf("import %s: %v", sample.File, err)
		}
		path := filepath.Join(dir, "handout-"+strings.TrimSuffix(sample.File, ".json")+".pdf")
		if err := os.WriteFile(path, export(t, w, report.Options{}).PDF, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
