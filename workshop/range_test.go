package workshop_test

import (
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
)

func TestParseEstimate(t *testing.T) {
	cal := workshop.DefaultCalendar // 1d = 480, 1w = 2400
	tests := []struct {
		text    string
		value   float64
		r       workshop.Range
		wantErr string
	}{
		{text: "2d", value: 960},
		{text: "2d, from 1d to 1w", value: 960, r: workshop.Range{Low: 480, High: 2400}},
		{text: "2d from 1d to 1w", value: 960, r: workshop.Range{Low: 480, High: 2400}},
		{text: "90 FROM 1h TO 2h 30m", value: 90, r: workshop.Range{Low: 60, High: 150}},
		{text: "3w, from 1d to 1w", wantErr: "must lie between 1d and 1w"},
		{text: "2d, from 1d", wantErr: `"from 1d to 1w"`},
		{text: "2d, from 1x to 1w", wantErr: `unknown unit "x"`},
		{text: "2d, from 1d to", wantErr: "empty"},
	}
	for _, tc := range tests {
		value, r, err := workshop.ParseEstimate(tc.text, cal)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want one containing %q", tc.text, err, tc.wantErr)
			}
			continue
		}
		if err != nil || value != tc.value || r != tc.r {
			t.Errorf("%q = %v %+v %v, want %v %+v", tc.text, value, r, err, tc.value, tc.r)
		}
		// What FormatEstimate writes reads back the same.
		back, backRange, err := workshop.ParseEstimate(workshop.FormatEstimate(value, r, cal), cal)
		if err != nil || back != value || backRange != r {
			t.Errorf("%q round trip = %v %+v %v", tc.text, back, backRange, err)
		}
	}
}

func TestRangeValidation(t *testing.T) {
	tests := []struct {
		name    string
		wait    workshop.Range
		process workshop.Range
		want    string
	}{
		{name: "no range"},
		{name: "range holds the value", wait: workshop.Range{Low: 30, High: 120}, process: workshop.Range{Low: 10, High: 10}},
		{name: "wait above its range", wait: workshop.Range{Low: 10, High: 50}, want: `stage "A" wait range "10 to 50": must hold the most likely value 60`},
		{name: "process below its range", process: workshop.Range{Low: 20, High: 50}, want: `stage "A" process range "20 to 50"`},
		{name: "negative low", wait: workshop.Range{Low: -1, High: 100}, want: "must not be negative"},
	}
	for _, tc := range tests {
		s := st("A", "", 60, 10)
		s.WaitRange, s.ProcessRange = tc.wait, tc.process
		err := newMap([]*workshop.Stage{s}).Validate()
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
