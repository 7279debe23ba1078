package report

import (
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
)

func TestLabelLinesBreakOnlyAtSpaces(t *testing.T) {
	coverage, err := embeddedCoverage()
	if err != nil {
		t.Fatal(err)
	}
	b, err := newBuilder(workshop.NewWorkshop("Labels"), Options{}, newTextFilter(coverage))
	if err != nil {
		t.Fatal(err)
	}
	b.pdf.AddPage()
	const width = 24.0 // a ladder slot of A4 landscape is about 24.6 mm
	tests := []struct {
		label   string
		wantCut bool // a word too long even at the smallest size ends in an ellipsis
	}{
		{"3. Vertragsprüfung", false},
		{"7. Qualitätssicherung", false},
		{"4. Vertragsprüfung durch die Rechtsabteilung", false},
		{"9. Qualitätssicherungsabteilungsleitungsfreigabe", true},
		{"1. Build", false},
	}
	for _, tc := range tests {
		lines := b.labelLines(tc.label, width, 3, 7.5, 6)
		size, _ := b.pdf.GetFontSize()
		if size < 6 || size > 7.5 {
			t.Errorf("%q: font size %v outside 6–7.5 pt", tc.label, size)
		}
		words := map[string]bool{}
		for _, w := range strings.Fields(tc.label) {
			words[w] = true
		}
		cut := false
		for _, line := range lines {
			if w := b.pdf.GetStringWidth(line); w > width {
				t.Errorf("%q: line %q is %.1f mm wide, more than %v", tc.label, line, w, width)
			}
			for _, w := range strings.Fields(line) {
				if strings.HasSuffix(w, "…") {
					cut = true
					continue
				}
				if !words[w] {
					t.Errorf("%q: %q is not a whole word of the label (lines %q)", tc.label, w, lines)
				}
			}
		}
		if cut != tc.wantCut {
			t.Errorf("%q: cut with an ellipsis = %v, want %v (lines %q)", tc.label, cut, tc.wantCut, lines)
		}
	}
}
