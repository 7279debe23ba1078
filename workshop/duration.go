package workshop

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// MaxMinutes bounds every duration: about 190 working years at the default calendar. Anything
// larger is a typo, and bounding it keeps sums far from float64 precision trouble.
const MaxMinutes = 1e8

// DurationError says which text could not be read as a duration, and why.
type DurationError struct {
	Text   string
	Reason string
}

func (e *DurationError) Error() string {
	return fmt.Sprintf("duration %q: %s", e.Text, e.Reason)
}

// ParseDuration reads a duration such as "90m", "1.5h", "2d 4h" or "1w" into working minutes.
// A plain number is minutes. Days and weeks follow the calendar.
func ParseDuration(text string, cal Calendar) (float64, error) {
	fail := func(reason string) (float64, error) {
		return 0, &DurationError{Text: text, Reason: reason}
	}
	rest := strings.TrimSpace(text)
	if rest == "" {
		return fail("empty; write e.g. 90m, 1.5h, 2d 4h or 1w")
	}
	total := 0.0
	for rest != "" {
		number, afterNumber := splitNumber(rest)
		if number == "" {
			if strings.HasPrefix(rest, "-") {
				return fail("must not be negative")
			}
			return fail(fmt.Sprintf("expected a number at %q", rest))
		}
		value, err := strconv.ParseFloat(number, 64)
		if errors.Is(err, strconv.ErrRange) {
			return fail("too large")
		}
		if err != nil || math.IsNaN(value) || math.IsInf(value, 0) {
			return fail(fmt.Sprintf("%q is not a number", number))
		}
		unit, afterUnit := splitUnit(strings.TrimLeft(afterNumber, " \t"))
		perUnit, ok := unitMinutes(unit, cal)
		if !ok {
			return fail(fmt.Sprintf("unknown unit %q; use m, h, d or w", unit))
		}
		// A bare number is minutes only at the end ("45", "1h 30"): "1.2.3" or "2 4" is a typo,
		// and reading it as 1.5m or 6m would hide it.
		if unit == "" && strings.TrimSpace(afterUnit) != "" {
			return fail(fmt.Sprintf("expected a unit after %q; use m, h, d or w", number))
		}
		total += value * perUnit
		if total > MaxMinutes {
			return fail("too large")
		}
		rest = strings.TrimLeft(afterUnit, " \t,+")
	}
	return total, nil
}

// splitNumber takes a leading unsigned decimal number off s.
func splitNumber(s string) (number, rest string) {
	end := 0
	seenDot := false
	for end < len(s) {
		c := s[end]
		if c >= '0' && c <= '9' {
			end++
			continue
		}
		if c == '.' && !seenDot {
			seenDot = true
			end++
			continue
		}
		break
	}
	if end == 0 || s[:end] == "." {
		return "", s
	}
	return s[:end], s[end:]
}

// splitUnit takes a leading run of letters off s.
func splitUnit(s string) (unit, rest string) {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

func unitMinutes(unit string, cal Calendar) (float64, bool) {
	switch strings.ToLower(unit) {
	case "", "m", "min", "mins", "minute", "minutes":
		return 1, true
	case "h", "hr", "hrs", "hour", "hours":
		return 60, true
	case "d", "day", "days":
		return cal.MinutesPerDay(), true
	case "w", "wk", "wks", "week", "weeks":
		return cal.MinutesPerWeek(), true
	}
	return 0, false
}

// FormatDuration writes working minutes in the largest units that fit, e.g. "3d 4h" or "45m".
// ParseDuration reads its output back to the same value, to the nearest tenth of a minute.
func FormatDuration(minutes float64, cal Calendar) string {
	if math.IsNaN(minutes) || math.IsInf(minutes, 0) {
		return "?"
	}
	sign := ""
	if minutes < 0 {
		sign, minutes = "-", -minutes
	}
	minutes = math.Round(minutes*10) / 10
	if minutes == 0 {
		return "0m"
	}
	units := []struct {
		suffix string
		size   float64
	}{
		{"w", cal.MinutesPerWeek()},
		{"d", cal.MinutesPerDay()},
		{"h", 60},
	}
	var parts []string
	for _, u := range units {
		if n := math.Floor(minutes/u.size + 1e-9); n >= 1 {
			parts = append(parts, strconv.FormatFloat(n, 'f', -1, 64)+u.suffix)
			minutes -= n * u.size
		}
	}
	if minutes = math.Round(minutes*10) / 10; minutes > 0 {
		parts = append(parts, strconv.FormatFloat(minutes, 'f', -1, 64)+"m")
	}
	return sign + strings.Join(parts, " ")
}

// FormatShort writes a duration in its single largest unit with one decimal, e.g. "3.5d", for
// places where space is tight: badges, axis labels.
func FormatShort(minutes float64, cal Calendar) string {
	if math.IsNaN(minutes) || math.IsInf(minutes, 0) {
		return "?"
	}
	abs := math.Abs(minutes)
	size, suffix := 1.0, "m"
	switch {
	case abs >= cal.MinutesPerWeek():
		size, suffix = cal.MinutesPerWeek(), "w"
	case abs >= cal.MinutesPerDay():
		size, suffix = cal.MinutesPerDay(), "d"
	case abs >= 60:
		size, suffix = 60, "h"
	}
	rounded := math.Round(minutes/size*10) / 10
	if rounded == 0 {
		rounded = 0 // a tiny negative value rounds to -0, which would print as "-0m"
	}
	return strconv.FormatFloat(rounded, 'f', -1, 64) + suffix
}
