package workshop

import "testing"

func TestParseDurationField(t *testing.T) {
	cal := DefaultCalendar
	for _, tc := range []struct {
		text    string
		minutes float64
		err     string
	}{
		{"", 0, ""},
		{"  ", 0, ""},
		{"2h", 120, ""},
		{"1d 4h", 720, ""},
		{"3x", 0, `Wait time "3x": unknown unit "x"; use m, h, d or w`},
		{"-2d", 0, `Wait time "-2d": must not be negative`},
	} {
		minutes, err := ParseDurationField("Wait time", tc.text, cal)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: error %v, want %q", tc.text, err, tc.err)
			}
			continue
		}
		if err != nil || minutes != tc.minutes {
			t.Errorf("%q = %v, %v; want %v", tc.text, minutes, err, tc.minutes)
		}
	}
}
