package workshop_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formattest"
)

// shortWeek is a workshop that works 7.5-hour days, four days a week: 1d = 450m, 1w = 1800m.
var shortWeek = workshop.Calendar{HoursPerDay: 7.5, DaysPerWeek: 4}

func TestParseDuration(t *testing.T) {
	cal := workshop.DefaultCalendar // 1d = 8 × 60 = 480m, 1w = 5 × 480 = 2400m
	tests := []struct {
		text string
		cal  workshop.Calendar
		want float64
	}{
		{"90m", cal, 90},
		{"1.5h", cal, 90},          // 1.5 × 60
		{"2d 4h", cal, 1200},       // 2 × 480 + 4 × 60
		{"2d4h", cal, 1200},        // same, no space
		{"2d, 4h", cal, 1200},      // comma between parts
		{"1w", cal, 2400},          // 5 × 480
		{"1 week", cal, 2400},      // long unit name after a space
		{"2 weeks", cal, 4800},     // plural
		{"1 wk 1 day", cal, 2880},  // 2400 + 480
		{"3 hrs", cal, 180},        // 3 × 60
		{"1 hour 30 min", cal, 90}, // 60 + 30
		{"45", cal, 45},            // plain number = minutes
		{"0", cal, 0},
		{"0.5", cal, 0.5},
		{".5h", cal, 30},   // leading dot
		{" 3h ", cal, 180}, // surrounding space is trimmed
		{"\t3h\n", cal, 180},
		{"1h 30", cal, 90},   // a trailing plain number is minutes
		{"1,5h", cal, 90},    // a decimal comma
		{"2,25d", cal, 1080}, // 2.25 × 480
		{"1,5", cal, 1.5},    // a bare number with a decimal comma is minutes too
		{"2d,4h", cal, 1200}, // a comma after a unit still separates parts
		{"3H", cal, 180},     // upper case units
		{"2D", cal, 960},     // 2 × 480
		{"1W", cal, 2400},    // 5 × 480
		{"90M", cal, 90},     // M is minutes, never months
		{"1.5HR", cal, 90},   // 1.5 × 60
		{"2 Days", cal, 960}, // mixed case
		{"1d", shortWeek, 450},
		{"1w", shortWeek, 1800},          // 4 × 450
		{"2d 4h", shortWeek, 1140},       // 2 × 450 + 240
		{"1.5w", shortWeek, 2700},        // 1.5 × 1800
		{"1w 1d", shortWeek, 2250},       // 1800 + 450
		{"1d", workshop.Calendar{}, 480}, // an unset calendar falls back to 8h × 5d
		{"100000000", cal, workshop.MaxMinutes},
		{"41666w 3d 2h 40m", cal, workshop.MaxMinutes}, // 41666 × 2400 + 3 × 480 + 160 = 1e8
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := workshop.ParseDuration(tt.text, tt.cal)
			if err != nil {
				t.Fatalf("ParseDuration(%q) failed: %v", tt.text, err)
			}
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("ParseDuration(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseDurationErrors(t *testing.T) {
	tests := []struct {
		text   string
		reason string // a word the reason must contain
	}{
		{"-5", "negative"},
		{"-5m", "negative"},
		{"2h -5m", "negative"},
		{"--5", "negative"},
		{"NaN", "number"},
		{"nan", "number"},
		{"Inf", "number"},
		{"+Inf", "number"},
		{"infinity", "number"},
		{"1e400", "unit"}, // no exponents: "e" is not a unit
		{"1e3", "unit"},
		{"3x", "unit"},
		{"3 months", "unit"},
		{"5 sec", "unit"},
		{"", "empty"},
		{"   ", "empty"},
		{"h", "number"},
		{"m5", "number"},
		{".", "number"},
		{"1.2.3", "unit"}, // two plain numbers in a row are a typo, not 1.5m
		{"2 4", "unit"},   // nor is "2 4" six minutes
		{"30 1h", "unit"},
		{"1,5,5h", "unit"}, // one decimal comma at most
		{",5h", "number"},  // a comma is decimal only between digits
		{"100000001", "too large"},
		{"1000000w", "too large"},     // 1e6 × 2400 = 2.4e9
		{"99999999m 2m", "too large"}, // the sum crosses the bound
		{"1" + strings.Repeat("0", 400), "too large"}, // beyond float64 itself
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := workshop.ParseDuration(tt.text, workshop.DefaultCalendar)
			if err == nil {
				t.Fatalf("ParseDuration(%q) = %v, want an error", tt.text, got)
			}
			var durationErr *workshop.DurationError
			if !errors.As(err, &durationErr) {
				t.Fatalf("ParseDuration(%q) error %T, want *DurationError", tt.text, err)
			}
			if durationErr.Text != tt.text {
				t.Errorf("DurationError.Text = %q, want %q", durationErr.Text, tt.text)
			}
			if quoted := fmt.Sprintf("%q", tt.text); !strings.Contains(err.Error(), quoted) {
				t.Errorf("error %q does not quote the text %s", err, quoted)
			}
			if !strings.Contains(durationErr.Reason, tt.reason) {
				t.Errorf("reason %q, want it to mention %q", durationErr.Reason, tt.reason)
			}
		})
	}
}

// TestFormatDuration checks the shared table (workshop/formattest, read by the app panels' and
// the handout's tests too) and the edges only the formatter itself sees.
func TestFormatDuration(t *testing.T) {
	type row struct {
		minutes     float64
		cal         workshop.Calendar
		full, short string
	}
	var tests []row
	for _, d := range formattest.Durations {
		tests = append(tests, row{d.Minutes, workshop.DefaultCalendar, d.Full, d.Short})
	}
	cal := workshop.DefaultCalendar
	tests = append(tests,
		row{-0.01, cal, "0m", "0m"}, // no "-0m"
		row{math.NaN(), cal, "?", "?"},
		row{math.Inf(1), cal, "?", "?"},
		row{450, shortWeek, "1d", "1d"}, // 7.5 × 60
		row{420, shortWeek, "7h", "7h"}, // less than a 7.5-hour day
		row{2340, shortWeek, "1w 1d 1h 30m", "1w 1d"},
		row{439.8, workshop.Calendar{HoursPerDay: 7.33, DaysPerWeek: 5}, "1d", "1d"}, // a day of 439.8 minutes
	)
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.minutes), func(t *testing.T) {
			if got := workshop.FormatDuration(tt.minutes, tt.cal); got != tt.full {
				t.Errorf("FormatDuration(%v) = %q, want %q", tt.minutes, got, tt.full)
			}
			if got := workshop.FormatShort(tt.minutes, tt.cal); got != tt.short {
				t.Errorf("FormatShort(%v) = %q, want %q", tt.minutes, got, tt.short)
			}
		})
	}
}

func TestDurationEcho(t *testing.T) {
	tests := []struct{ text, want string }{
		{"3", "= 3m"},        // a bare number is minutes, and says so
		{"90", "= 1h 30m"},   // written the way Leadline writes it
		{"1,5h", "= 1h 30m"}, // a decimal comma
		{"1h 30", "= 1h 30m"},
		{"2 days", "= 2d"},
		{"2d 4h", ""}, // already written that way: nothing to say
		{"45m", ""},
		{"", ""},
		{"   ", ""},
		{"3x", ""}, // an error is shown by the field, not echoed
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := workshop.DurationEcho(tt.text, workshop.DefaultCalendar); got != tt.want {
				t.Errorf("DurationEcho(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFormatPercent(t *testing.T) {
	for _, tt := range formattest.Percents {
		if got := workshop.FormatPercent(tt.Fraction); got != tt.Text {
			t.Errorf("FormatPercent(%v) = %q, want %q", tt.Fraction, got, tt.Text)
		}
	}
}

func TestFormatChanges(t *testing.T) {
	cal := workshop.DefaultCalendar
	tests := []struct{ got, want string }{
		{workshop.FormatPercentChange(-0.42), "−42 %"},
		{workshop.FormatPercentChange(0.03), "+3 %"},
		{workshop.FormatPercentChange(0.0001), "±0 %"}, // rounds to zero: no "+0 %"
		{workshop.FormatPointsChange(0.09), "+9 pts"},
		{workshop.FormatPointsChange(0.089), "+8.9 pts"},
		{workshop.FormatPointsChange(-0.125), "−13 pts"},
		{workshop.FormatPointsChange(0), "±0 pts"},
		{workshop.FormatDurationChange(-7680, cal), "−3w 1d"},
		{workshop.FormatDurationChange(240, cal), "+4h"},
		{workshop.FormatDurationChange(0.2, cal), "±0m"},
		{workshop.FormatDurationChange(math.NaN(), cal), "?"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestFormatParseRoundTrip checks that what FormatDuration writes, ParseDuration reads back to
// the same value within the half minute FormatDuration rounds to.
func TestFormatParseRoundTrip(t *testing.T) {
	random := rand.New(rand.NewPCG(1, 2))
	for _, cal := range []workshop.Calendar{workshop.DefaultCalendar, shortWeek, {HoursPerDay: 7.3, DaysPerWeek: 6}} {
		for i := 0; i < 2000; i++ {
			var minutes float64
			switch i % 3 {
			case 0: // whole minutes up to a few weeks: the common case
				minutes = float64(random.IntN(20000))
			case 1: // fractions
				minutes = random.Float64() * 10000
			default: // anything up to the bound
				minutes = random.Float64() * workshop.MaxMinutes
			}
			checkRoundTrip(t, minutes, cal)
		}
	}
}

func checkRoundTrip(t *testing.T, minutes float64, cal workshop.Calendar) {
	t.Helper()
	text := workshop.FormatDuration(minutes, cal)
	back, err := workshop.ParseDuration(text, cal)
	if err != nil {
		t.Fatalf("FormatDuration(%v, %+v) = %q, which does not parse: %v", minutes, cal, text, err)
	}
	if math.Abs(back-minutes) > 0.5+1e-9*minutes {
		t.Fatalf("FormatDuration(%v, %+v) = %q, which parses to %v", minutes, cal, text, back)
	}
}

// FuzzParseDuration: the parser never panics, accepts only finite values within bounds, and
// whatever it accepts survives a format → parse round trip.
func FuzzParseDuration(f *testing.F) {
	for _, seed := range []string{"90m", "1.5h", "2d 4h", "1w", "45", "", "-5", "1e400", "3x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, cal := range []workshop.Calendar{workshop.DefaultCalendar, shortWeek} {
			minutes, err := workshop.ParseDuration(text, cal)
			if err != nil {
				var durationErr *workshop.DurationError
				if !errors.As(err, &durationErr) || durationErr.Text != text {
					t.Fatalf("ParseDuration(%q) error %v does not carry the text", text, err)
				}
				continue
			}
			if math.IsNaN(minutes) || math.IsInf(minutes, 0) || minutes < 0 || minutes > workshop.MaxMinutes {
				t.Fatalf("ParseDuration(%q) = %v, outside [0, MaxMinutes]", text, minutes)
			}
			checkRoundTrip(t, minutes, cal)
		}
	})
}
