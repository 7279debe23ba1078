package report_test

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/report"
)

func export(t *testing.T, w *workshop.Workshop, opts report.Options) *report.Result {
	t.Helper()
	result, err := report.Handout(w, opts)
	if err != nil {
		t.Fatalf("Handout: %v", err)
	}
	if !bytes.HasPrefix(result.PDF, []byte("%PDF-")) {
		t.Fatalf("output does not start like a PDF: %q", result.PDF[:min(len(result.PDF), 16)])
	}
	return result
}

// pdfText reads the PDF back with poppler's pdftotext -layout.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "handout.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// indexFrom finds needle at or after from, failing the test with context when it is missing.
func indexFrom(t *testing.T, text, needle string, from int, what string) int {
	t.Helper()
	i := strings.Index(text[from:], needle)
	if i < 0 {
		t.Fatalf("%s: %q not found after offset %d", what, needle, from)
	}
	return from + i
}

func TestHandoutTextReadsBack(t *testing.T) {
	w := richWorkshop(t)
	text := pdfText(t, export(t, w, report.Options{}).PDF)

	// Every map's sections come in the promised order.
	cursor := 0
	for _, m := range w.Maps {
		headings := []string{m.Name, "LEAD TIME", "PROCESS TIME", "FLOW EFFICIENCY", "ROLLED %C&A", "Where to act first",
			"Longest delays", "Where to act first", "Value stream map",
			"Timeline along the critical path", "Wait and process by department", "Stage details", "Improvement ideas"}
		if m.State == workshop.Future {
			headings = append(headings, "Before and after")
		}
		for _, h := range headings {
			cursor = indexFrom(t, text, h, cursor, "map "+m.Name+" heading")
		}
	}

	for _, want := range []string{w.Name, w.Facilitator, "2025-03-14", "Дмитрий Соколов", "Ελένη Παπαδοπούλου",
		"Анна Иванова", "Rolling quarterly budget instead of the annual cycle", "CFO office", "Page 1 of "} {
		if !strings.Contains(text, want) {
			t.Errorf("handout lacks %q", want)
		}
	}
	for _, s := range w.Maps[0].Stages {
		if !strings.Contains(text, s.Name) {
			t.Errorf("handout lacks stage name %q", s.Name)
		}
	}

	// The ranking of the current state, checked by hand in richWorkshop's comment.
	section := indexFrom(t, text, "Longest delays", 0, "first delays section")
	end := indexFrom(t, text, "Value stream map", section, "end of the delays section")
	delays := text[section:end]
	wantOrder := []string{"Согласование бюджета", "Procurement evaluation", "Prüfung durch Qualitätssicherung",
		"Marketing campaign", "Product backlog", "Sales lead qualification", "PO sign-off"}
	at := 0
	for rank, name := range wantOrder {
		at = indexFrom(t, delays, name, at, "delay rank "+strconv.Itoa(rank+1))
	}
	if got := regexp.MustCompile(`(?m)^\s*1\s+Согласование бюджета\s+Finance\s+6w\s+(\d+) %\s+yes`).FindStringSubmatch(delays); got == nil {
		t.Errorf("rank 1 row not laid out as rank, stage, department, wait, share, on path:\n%s", delays)
	} else if got[1] != "41" { // 6w of a lead time of 14w 3d 6h: 14,400 / 35,400 min = 40.7 %
		t.Errorf("share of lead time for rank 1 = %s %%, want 41 %%", got[1])
	}
	if strings.Contains(delays, "Build and test") {
		t.Errorf("a stage without wait appears among the delays")
	}
}

func TestHandoutPagesRender(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	tests := []struct {
		paper         report.Paper
		widthMM, hgMM float64
	}{
		{report.A4, 297, 210},
		{report.Letter, 279.4, 215.9},
	}
	for _, tt := range tests {
		t.Run(string(tt.paper), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "handout.pdf")
			if err := os.WriteFile(path, export(t, richWorkshop(t), report.Options{Paper: tt.paper}).PDF, 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("pdftoppm", "-png", "-r", "50", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
			if len(pages) < 12 {
				t.Fatalf("%d pages rendered, want at least 12 for two maps", len(pages))
			}
			wantRatio := tt.widthMM / tt.hgMM
			for _, page := range pages {
				img := readPNG(t, page)
				bounds := img.Bounds()
				if ratio := float64(bounds.Dx()) / float64(bounds.Dy()); math.Abs(ratio-wantRatio) > 0.02 {
					t.Errorf("%s: %dx%d px, aspect %.3f, want landscape %.3f", filepath.Base(page), bounds.Dx(), bounds.Dy(), ratio, wantRatio)
				}
				if inked := inkedShare(img); inked < 0.002 {
					t.Errorf("%s looks blank: %.4f of its pixels differ from the background", filepath.Base(page), inked)
				}
			}
		})
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// inkedShare is the share of pixels that differ from the top-left (background) pixel.
func inkedShare(img image.Image) float64 {
	b := img.Bounds()
	background := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, _ := background.RGBA()
	differ := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 {
				differ++
			}
		}
	}
	return float64(differ) / float64(b.Dx()*b.Dy())
}

func TestHandoutIsDeterministic(t *testing.T) {
	tests := []struct {
		name string
		w    func() *workshop.Workshop
	}{
		{"rich", func() *workshop.Workshop { return richWorkshop(t) }},
		{"undated", func() *workshop.Workshop { w := richWorkshop(t); w.Date = "spring"; return w }},
		{"generated 120", func() *workshop.Workshop { return generatedWorkshop(120) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := export(t, tt.w(), report.Options{}).PDF
			second := export(t, tt.w(), report.Options{}).PDF
			if !bytes.Equal(first, second) {
				t.Fatalf("two exports differ (%d and %d bytes)", len(first), len(second))
			}
		})
	}
}

func TestHandoutReplacesMissingGlyphs(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(w *workshop.Workshop)
		listed string // must appear in Result.Replaced
		shown  string // what the reader sees instead
	}{
		{"emoji stage", func(w *workshop.Workshop) { w.Maps[0].Stages[0].Name = "🚀 Launch" }, "🚀 Launch", "□ Launch"},
		{"CJK stage", func(w *workshop.Workshop) { w.Maps[0].Stages[1].Name = "审批" }, "审批", "□□"},
		{"emoji sequence in workshop", func(w *workshop.Workshop) { w.Name = "Team 👩‍💻 flow" }, "Team 👩‍💻 flow", "Team □□ flow"},
		{"CJK idea owner", func(w *workshop.Workshop) { w.Maps[1].Ideas[0].Owner = "王芳" }, "王芳", "□□"},
		{"invalid UTF-8 note", func(w *workshop.Workshop) { w.Maps[0].Stages[2].Notes = "bad \xff byte" }, "bad \xff byte", "bad □ byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := richWorkshop(t)
			tt.edit(w)
			result := export(t, w, report.Options{})
			found := false
			for _, r := range result.Replaced {
				found = found || r == tt.listed
			}
			if !found {
				t.Errorf("Replaced = %q, want it to list %q", result.Replaced, tt.listed)
			}
			if text := pdfText(t, result.PDF); !strings.Contains(text, tt.shown) {
				t.Errorf("handout does not show %q", tt.shown)
			}
		})
	}
	if result := export(t, richWorkshop(t), report.Options{}); len(result.Replaced) != 0 {
		t.Errorf("Latin, Greek and Cyrillic need no replacement, got %q", result.Replaced)
	}
}

func TestHandoutPaperSize(t *testing.T) {
	mediaBox := regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`)
	tests := []struct {
		paper          report.Paper
		widthPt, hgtPt float64
	}{
		{"", 841.89, 595.28},
		{report.A4, 841.89, 595.28},
		{report.Letter, 792, 612},
	}
	for _, tt := range tests {
		t.Run(string(tt.paper), func(t *testing.T) {
			pdf := export(t, richWorkshop(t), report.Options{Paper: tt.paper}).PDF
			got := mediaBox.FindSubmatch(pdf)
			if got == nil {
				t.Fatal("no /MediaBox in the PDF")
			}
			w, _ := strconv.ParseFloat(string(got[1]), 64)
			h, _ := strconv.ParseFloat(string(got[2]), 64)
			if math.Abs(w-tt.widthPt) > 0.5 || math.Abs(h-tt.hgtPt) > 0.5 {
				t.Errorf("page %.2f × %.2f pt, want %.2f × %.2f", w, h, tt.widthPt, tt.hgtPt)
			}
		})
	}
	if _, err := report.Handout(richWorkshop(t), report.Options{Paper: "A3"}); err == nil || !strings.Contains(err.Error(), "A3") {
		t.Errorf("paper A3: error %v, want one naming A3", err)
	}
}

func TestHandoutSmallAndWhole(t *testing.T) {
	result := export(t, generatedWorkshop(50), report.Options{})
	if size := len(result.PDF); size > 300_000 {
		t.Errorf("50-stage handout is %d bytes, want under 300 KB", size)
	}
	text := pdfText(t, result.PDF)
	for i := 1; i <= 50; i++ {
		if !strings.Contains(text, "Stage "+strconv.Itoa(i)+" — review and hand-over") {
			t.Errorf("stage %d missing from the 50-stage handout", i)
		}
	}
}

// TestHandoutTurnsFailuresIntoErrors feeds input that would crash a careless exporter.
func TestHandoutTurnsFailuresIntoErrors(t *testing.T) {
	loop := richWorkshop(t)
	loop.Maps[0].Flows = append(loop.Maps[0].Flows, workshop.Flow{From: "s14", To: "s1"})
	notANumber := richWorkshop(t)
	notANumber.Maps[0].Stages[3].Wait = math.NaN()
	farAway := richWorkshop(t)
	farAway.Maps[1].Stages[0].X = math.Inf(1)
	tests := []struct {
		name    string
		w       *workshop.Workshop
		wantErr string
	}{
		{"nil workshop", nil, "no workshop"},
		{"nil map", &workshop.Workshop{Name: "Broken", Maps: []*workshop.Map{nil}}, "Broken"},
		{"forward loop", loop, "Idea to customer"},
		{"NaN wait", notANumber, `stage "Согласование бюджета": wait NaN`},
		{"infinite x", farAway, `stage "Marketing campaign": x +Inf`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			result, err := report.Handout(tt.w, report.Options{})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Handout = %v, %v; want an error naming %q", result, err, tt.wantErr)
			}
		})
	}
}

func TestHandoutEdgeCases(t *testing.T) {
	long := strings.Repeat("Überlange-Bezeichnung-ohne-Leerzeichen", 6)
	tests := []struct {
		name string
		w    *workshop.Workshop
		want string
	}{
		{"no maps", &workshop.Workshop{Name: "Empty one"}, "no maps"},
		{"empty map", &workshop.Workshop{Name: "E", Maps: []*workshop.Map{{ID: "m", Name: "Blank map"}}}, "no stages"},
		{"unplaced stages", &workshop.Workshop{Name: "CSV", Maps: []*workshop.Map{{ID: "m", Name: "Imported",
			Stages: []*workshop.Stage{{ID: "a", Name: "Alpha", Wait: 60}, {ID: "b", Name: "Beta", Wait: 30}},
			Flows:  []workshop.Flow{{From: "a", To: "b"}}}}}, "Beta"},
		{"stages a million pixels apart", &workshop.Workshop{Name: "Sparse", Maps: []*workshop.Map{{ID: "m", Name: "M",
			Stages: []*workshop.Stage{{ID: "a", Name: "Left", Wait: 60}, {ID: "b", Name: "Right", X: 1e6, Y: 1e6, Wait: 30}}}}}, "Right"},
		{"long unbroken name", &workshop.Workshop{Name: "Long", Maps: []*workshop.Map{{ID: "m", Name: "M",
			Stages: []*workshop.Stage{{ID: "a", Name: long, Wait: 60, Notes: long}}}}}, "Longest delays"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if text := pdfText(t, export(t, tt.w, report.Options{}).PDF); !strings.Contains(text, tt.want) {
				t.Errorf("handout lacks %q:\n%s", tt.want, text)
			}
		})
	}
}

// TestWriteHandoutForInspection writes handouts to look at; run with
// LEADLINE_HANDOUT_DIR=/tmp go test -run Inspection ./workshop/report/.
func TestWriteHandoutForInspection(t *testing.T) {
	dir := os.Getenv("LEADLINE_HANDOUT_DIR")
	if dir == "" {
		t.Skip("set LEADLINE_HANDOUT_DIR to write handouts for inspection")
	}
	for name, w := range map[string]*workshop.Workshop{"rich": richWorkshop(t), "generated50": generatedWorkshop(50), "generated300": generatedWorkshop(300)} {
		if err := os.WriteFile(filepath.Join(dir, "handout-"+name+".pdf"), export(t, w, report.Options{}).PDF, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeSampleHandouts(t, dir)
}
