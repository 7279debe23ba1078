package workshop

import "testing"

func TestParseEstimateField(t *testing.T) {
	cal := DefaultCalendar
	for _, tc := range []struct {
		text    string
		minutes float64
		r       Range
		err     string
	}{
		{"", 0, Range{}, ""},
		{"  ", 0, Range{}, ""},
		{"2h", 120, Range{}, ""},
		{"1d 4h", 720, Range{}, ""},
		{"2d, from 1d to 1w", 960, Range{Low: 480, High: 2400}, ""},
		{"3x", 0, Range{}, `Wait time "3x": unknown unit "x"; use m, h, d or w`},
		{"-2d", 0, Range{}, `Wait time "-2d": must not be negative`},
	} {
		minutes, r, err := ParseEstimateField("Wait time", tc.text, cal)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: error %v, want %q", tc.text, err, tc.err)
			}
			continue
		}
		if err != nil || minutes != tc.minutes || r != tc.r {
			t.Errorf("%q = %v, %+v, %v; want %v, %+v", tc.text, minutes, r, err, tc.minutes, tc.r)
		}
	}
}

func TestEstimateFieldRoundTripKeepsUnroundedMinutes(t *testing.T) {
	cal := DefaultCalendar
	for _, tc := range []struct {
		model float64
		r     Range
		text  string
	}{
		{0, Range{}, ""},
		{120, Range{}, "2h"},
		{19.8, Range{}, "20m"},
	} {
		text := FormatEstimateField(tc.model, tc.r, cal)
		if text != tc.text {
			t.Errorf("FormatEstimateField(%v) = %q, want %q", tc.model, text, tc.text)
		}
		typed, _, err := ParseEstimateField("Wait time", text, cal)
		if err != nil || KeepUnrounded(typed, tc.model, cal) != tc.model {
			t.Errorf("%q read back as %v, kept %v; want %v", text, typed, KeepUnrounded(typed, tc.model, cal), tc.model)
		}
	}
}
