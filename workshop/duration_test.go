package workshop_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
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
		{"1,5h", "unit"}, // a decimal comma must not read as 1m + 5h
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

func TestFormatDuration(t *testing.T) {
	cal := workshop.DefaultCalendar
	tests := []struct {
		minutes float64
		cal     workshop.Calendar
		want    string
	}{
		{0, cal, "0m"},
		{45, cal, "45m"},
		{60, cal, "1h"},
		{90, cal, "1h 30m"},
		{480, cal, "1d"},
		{1680, cal, "3d 4h"},              // 3 × 480 + 4 × 60
		{2400, cal, "1w"},                 // 5 × 480
		{2945, cal, "1w 1d 1h 5m"},        // 2400 + 480 + 60 + 5
		{24960, cal, "10w 2d"},            // 10 × 2400 + 2 × 480
		{2400 + 30, cal, "1w 30m"},        // empty units are skipped
		{0.5, cal, "0.5m"},                // fractions of a minute keep one decimal
		{90.25, cal, "1h 30.3m"},          // 30.25 rounds half away from zero
		{0.04, cal, "0m"},                 // below a tenth of a minute
		{479.96, cal, "1d"},               // rounds up to a whole day, not "7h 60m"
		{-90, cal, "-1h 30m"},             // negative changes keep their sign
		{-0.01, cal, "0m"},                // no "-0m"
		{math.NaN(), cal, "?"},            //
		{math.Inf(1), cal, "?"},           //
		{450, shortWeek, "1d"},            // 7.5 × 60
		{420, shortWeek, "7h"},            // less than a 7.5-hour day
		{2340, shortWeek, "1w 1d 1h 30m"}, // 1800 + 450 + 60 + 30
		{workshop.MaxMinutes, cal, "41666w 3d 2h 40m"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.minutes), func(t *testing.T) {
			if got := workshop.FormatDuration(tt.minutes, tt.cal); got != tt.want {
				t.Errorf("FormatDuration(%v) = %q, want %q", tt.minutes, got, tt.want)
			}
		})
	}
}

func TestFormatShort(t *testing.T) {
	cal := workshop.DefaultCalendar
	tests := []struct {
		minutes float64
		cal     workshop.Calendar
		want    string
	}{
		{0, cal, "0m"},
		{45, cal, "45m"},
		{59, cal, "59m"},
		{90, cal, "1.5h"},   // 90 / 60
		{1680, cal, "3.5d"}, // 1680 / 480
		{2400, cal, "1w"},
		{3600, cal, "1.5w"},    // 3600 / 2400
		{100, cal, "1.7h"},     // 1.666… rounds to one decimal
		{-90, cal, "-1.5h"},    // a change can be negative
		{-0.01, cal, "0m"},     // no "-0m"
		{900, shortWeek, "2d"}, // 900 / 450
		{math.NaN(), cal, "?"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.minutes), func(t *testing.T) {
			if got := workshop.FormatShort(tt.minutes, tt.cal); got != tt.want {
				t.Errorf("FormatShort(%v) = %q, want %q", tt.minutes, got, tt.want)
			}
		})
	}
}

// TestFormatParseRoundTrip checks that what FormatDuration writes, ParseDuration reads back to
// the same value within the tenth of a minute FormatDuration rounds to.
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
	if math.Abs(back-minutes) > 0.1+1e-9*minutes {
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
