package workshop

import "testing"

func TestCheckDate(t *testing.T) {
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{"", true},
		{"  ", true},
		{"2026-12-01", true},
		{" 2026-12-01 ", true},
		{"2028-02-29", true},
		{"1/12/2026", false},
		{"2026-12-1", false},
		{"2026-02-30", false},
		{"2026-13-01", false},
		{"next Tuesday", false},
		{"2026-12-01T09:00", false},
	} {
		err := CheckDate("Date", tc.text)
		if (err == nil) != tc.ok {
			t.Errorf("CheckDate(%q) = %v, want ok %v", tc.text, err, tc.ok)
		}
		if err != nil && err.Error() != "Date: use YYYY-MM-DD, e.g. 2026-12-01" {
			t.Errorf("CheckDate(%q) says %q", tc.text, err)
		}
	}
}
