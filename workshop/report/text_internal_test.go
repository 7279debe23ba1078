package report

import (
	"reflect"
	"testing"
)

func TestEmbeddedCoverage(t *testing.T) {
	coverage, err := embeddedCoverage()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r    rune
		want bool
	}{
		{'A', true}, {'ü', true}, {'ß', true}, {'Ж', true}, {'Ω', true}, {'έ', true},
		{'—', true}, {'…', true}, {'“', true}, {'−', true}, {'□', true}, {'·', true}, {'÷', true},
		{'审', false}, {'あ', false}, {'한', false}, {0x1F680, false}, {-1, false},
	}
	for _, tt := range tests {
		if got := coverage.has(tt.r); got != tt.want {
			t.Errorf("has(%q U+%04X) = %v, want %v", tt.r, tt.r, got, tt.want)
		}
	}
}

func TestTextFilterClean(t *testing.T) {
	coverage, err := embeddedCoverage()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, want string
		replaced bool
	}{
		{"Prüfung durch Qualitätssicherung", "Prüfung durch Qualitätssicherung", false},
		{"Согласование бюджета", "Согласование бюджета", false},
		{"Έλεγχος", "Έλεγχος", false},
		{"two\nlines\tand tab", "two lines and tab", false},
		{"bell\x07 gone", "bell gone", false},
		{"🚀 Launch", "□ Launch", true},
		{"审批", "□□", true},
		{"❤️ heart", "❤ heart", false}, // the variation selector is dropped, the heart is in the font
		{"👍🏽 ok", "□ ok", true},        // the skin tone goes with the replaced emoji
		{"bad \xff byte", "bad □ byte", true},
		{"", "", false},
	}
	for _, tt := range tests {
		f := newTextFilter(coverage)
		if got := f.clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var wantReplaced []string
		if tt.replaced {
			wantReplaced = []string{tt.in}
		}
		if !reflect.DeepEqual(f.replaced, wantReplaced) {
			t.Errorf("clean(%q) recorded %q, want %q", tt.in, f.replaced, wantReplaced)
		}
	}
}

func TestTextFilterRecordsEachTextOnce(t *testing.T) {
	coverage, err := embeddedCoverage()
	if err != nil {
		t.Fatal(err)
	}
	f := newTextFilter(coverage)
	for _, s := range []string{"审批", "plain", "审批", "🚀", "审批"} {
		f.clean(s)
	}
	if want := []string{"审批", "🚀"}; !reflect.DeepEqual(f.replaced, want) {
		t.Errorf("replaced = %q, want %q", f.replaced, want)
	}
}
