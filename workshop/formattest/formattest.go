// Package formattest holds the table of how Leadline writes durations and percentages. The tests
// of workshop, the app panels and the handout all read it, so the places a number appears (card,
// badge, list, metrics bar, PDF) cannot drift apart. Only tests import it.
package formattest

// Duration is how a number of minutes is written with the default calendar (1 d = 8 h,
// 1 w = 5 d: 1d = 480m, 1w = 2400m).
type Duration struct {
	Minutes float64
	Full    string // workshop.FormatDuration: lists, metrics, totals, handout, command line
	Short   string // workshop.FormatShort: cards, badges, ladder labels
}

// Durations: rounded to the whole minute first, then written in compound units; the short form
// cuts (never rounds up) to the two largest units, so it is the start of the full form.
var Durations = []Duration{
	{0, "0m", "0m"},
	{0.4, "0m", "0m"},
	{0.5, "1m", "1m"}, // half a minute rounds away from zero
	{45, "45m", "45m"},
	{59.6, "1h", "1h"}, // rounds to 60m first: never "60m"
	{60, "1h", "1h"},
	{90, "1h 30m", "1h 30m"},
	{90.25, "1h 30m", "1h 30m"},
	{479.6, "1d", "1d"}, // never "7h 60m"
	{1680, "3d 4h", "3d 4h"},
	{1710, "3d 4h 30m", "3d 4h"},
	{1230, "2d 4h 30m", "2d 4h"},
	{2400, "1w", "1w"},
	{2430, "1w 30m", "1w"}, // the unit after weeks is days: empty, so the cut leaves "1w"
	{2945, "1w 1d 1h 5m", "1w 1d"},
	{3360, "1w 2d", "1w 2d"},
	{13710, "5w 3d 4h 30m", "5w 3d"},
	{24960, "10w 2d", "10w 2d"},
	{-1230, "-2d 4h 30m", "-2d 4h"},
	{1e8, "41666w 3d 2h 40m", "41666w 3d"},
}

// Percent is how a 0–1 fraction is written by workshop.FormatPercent.
type Percent struct {
	Fraction float64
	Text     string
}

// Percents: a space before "%", whole numbers from 10 % up and one decimal below
// (without a trailing ".0").
var Percents = []Percent{
	{0, "0 %"},
	{0.0004, "0 %"},
	{0.02, "2 %"}, // no "2.0 %"
	{0.024, "2.4 %"},
	{0.083, "8.3 %"},
	{0.0996, "10 %"},
	{0.163, "16 %"},
	{0.407, "41 %"},
	{1, "100 %"},
}
