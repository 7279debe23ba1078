package workshop

import (
	"math"
	"strconv"
	"strings"
)

// Percentages and changes are written one way in the app, the handout and the command line:
// "16 %", with a space as in the handout's tables, whole numbers from 10 % up and one decimal
// below, where flow efficiencies usually are ("2.4 %"). Changes carry a sign, a true minus
// ("−42 %"), and "±0" when nothing changed.

// FormatPercent writes a 0–1 fraction as a percentage, e.g. 0.163 → "16 %", 0.024 → "2.4 %".
func FormatPercent(fraction float64) string {
	return percentNumber(fraction) + " %"
}

// FormatPercentChange writes a relative change with its sign, e.g. "−42 %" or "+3 %".
func FormatPercentChange(fraction float64) string {
	return signed(fraction, percentNumber(math.Abs(fraction))) + " %"
}

// FormatPointsChange writes a change between two percentages in percentage points, e.g.
// "+9 pts" for a flow efficiency going from 13 % to 22 %.
func FormatPointsChange(diff float64) string {
	return signed(diff, percentNumber(math.Abs(diff))) + " pts"
}

// FormatDurationChange writes a change in time with its sign, e.g. "−3w 2d" or "+4h".
func FormatDurationChange(minutes float64, cal Calendar) string {
	if math.IsNaN(minutes) || math.IsInf(minutes, 0) {
		return "?"
	}
	return signed(minutes, FormatDuration(math.Abs(minutes), cal))
}

// percentNumber writes fraction × 100 without a unit, by the rule above.
func percentNumber(fraction float64) string {
	p := fraction * 100
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return "?"
	}
	// math.Round rounds half away from zero, as durations do; FormatFloat alone would round
	// 12.5 to "12" but 13.5 to "14".
	digits, rounded := 0, math.Round(p)
	if tenths := math.Round(p * 10); math.Abs(p) < 9.95 && tenths != 0 {
		digits, rounded = 1, tenths/10
	}
	text := strings.TrimSuffix(strconv.FormatFloat(rounded, 'f', digits, 64), ".0") // "2 %", not "2.0 %"
	if text == "-0" {
		return "0"
	}
	return text
}

// signed puts the sign of v before magnitude, the already written |v|: "+", "−" (U+2212), or
// "±" when the magnitude was written as zero, so a change rounds to "±0 %", never to "+0 %".
func signed(v float64, magnitude string) string {
	switch {
	case magnitude == "0" || magnitude == "0m":
		return "±" + magnitude
	case v > 0:
		return "+" + magnitude
	}
	return "−" + magnitude
}
