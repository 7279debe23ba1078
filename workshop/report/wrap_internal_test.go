package report

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
)

func testBuilder(t testing.TB) *builder {
	t.Helper()
	coverage, err := embeddedCoverage()
	if err != nil {
		t.Fatal(err)
	}
	b, err := newBuilder(workshop.NewWorkshop("W"), Options{}, newTextFilter(coverage))
	if err != nil {
		t.Fatal(err)
	}
	b.font(false, 11)
	return b
}

// Wrapping costs time and memory in proportion to the text (issue 10, finding 8): it used to
// measure the whole rest of an overlong word again for every line, so a 20,000-character name
// took 8 s. Four times the text must cost about four times the memory, not sixteen.
func TestWrapIsLinear(t *testing.T) {
	b := testBuilder(t)
	allocated := func(text string) uint64 {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		lines := b.wrap(text, 60)
		runtime.ReadMemStats(&after)
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(text, " ", ""); got != want {
			t.Fatalf("wrapping lost characters: %d in, %d out", len(want), len(got))
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	for _, piece := range []string{"x", "word "} {
		small, large := allocated(strings.Repeat(piece, 5000)), allocated(strings.Repeat(piece, 20000))
		if large > 8*small {
			t.Errorf("wrapping %q × 20,000 allocated %d bytes, %.1f times %q × 5,000; want about 4", piece, large, float64(large)/float64(small), piece)
		}
	}
}

func TestWrapKeepsEveryLineWithinWidth(t *testing.T) {
	b := testBuilder(t)
	tests := []struct {
		text     string
		maxLines int
	}{
		{"Budget approval by the finance committee", -1},
		{strings.Repeat("Ж", 300), -1},
		{"short " + strings.Repeat("W", 200) + " tail", -1},
		{strings.Repeat("word ", 400), 2},
	}
	for _, tt := range tests {
		var lines []string
		if tt.maxLines < 0 {
			lines = b.wrap(tt.text, 40)
		} else {
			lines = b.wrapMax(tt.text, 40, tt.maxLines)
			if len(lines) != tt.maxLines || !strings.HasSuffix(lines[len(lines)-1], "…") {
				t.Errorf("wrapMax gave %q, want %d lines ending in …", lines, tt.maxLines)
			}
		}
		for _, line := range lines {
			if w := b.pdf.GetStringWidth(line); w > 40.001 {
				t.Errorf("line %q is %.2f wide, over 40", line, w)
			}
		}
		if tt.maxLines < 0 && strings.Join(strings.Fields(strings.Join(lines, " ")), "") != strings.Join(strings.Fields(tt.text), "") {
			t.Errorf("wrap changed the text: %q", lines)
		}
	}
}

// BenchmarkWrapLongName wraps the longest name a workshop may have and ten times more.
func BenchmarkWrapLongName(b *testing.B) {
	builder := testBuilder(b)
	for _, n := range []int{workshop.MaxNameLength, 20000} {
		text := strings.Repeat("x", n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				builder.wrapMax(text, 60, 2)
			}
		})
	}
}
