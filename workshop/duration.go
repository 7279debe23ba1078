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

// ParseDuration reads a duration such as "90m", "1.5h", "1,5h", "2d 4h" or "1w" into working
// minutes. A plain number is minutes (DurationEcho shows that as it is typed). Days and weeks
// follow the calendar.
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

// splitNumber takes a leading unsigned decimal number off s and returns it with a decimal
// point. A comma between two digits is a decimal comma ("1,5h" is 1.5 hours, as typed on many
// European keyboards); a comma after a unit still separates parts ("2d, 4h").
func splitNumber(s string) (number, rest string) {
	end := 0
	seenDot := false
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	for end < len(s) {
		c := s[end]
		if isDigit(end) {
			end++
			continue
		}
		if !seenDot && (c == '.' || (c == ',' && isDigit(end-1) && isDigit(end+1))) {
			seenDot = true
			end++
			continue
		}
		break
	}
	if end == 0 || s[:end] == "." {
		return "", s
	}
	return strings.Replace(s[:end], ",", ".", 1), s[end:]
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

// FormatDuration writes working minutes in the compound form every place in Leadline uses
// (cards, lists, metrics, the handout, the command line): the largest units that fit, e.g.
// "2d 4h 30m" or "45m", skipping empty units ("1w 30m"). The value is first rounded to the
// whole minute, the one rounding rule; ParseDuration reads the output back to within half a
// minute. Days and weeks follow the calendar.
func FormatDuration(minutes float64, cal Calendar) string {
	return formatUnits(minutes, cal, 0)
}

// FormatShort writes a duration cut to its two largest units, e.g. "5w 3d" for 5w 3d 4h 30m, for
// cards, badges and ladder labels where space is tight. It cuts and does not round up, so the
// short form is always the start of what FormatDuration (and the handout) writes; "1w 30m" cuts
// to "1w" because the unit after weeks is days.
func FormatShort(minutes float64, cal Calendar) string {
	return formatUnits(minutes, cal, 2)
}

// formatUnits writes whole minutes as weeks, days, hours and minutes; keep > 0 stops after that
// many units, counted from the largest one present, empty ones included.
func formatUnits(minutes float64, cal Calendar, keep int) string {
	if math.IsNaN(minutes) || math.IsInf(minutes, 0) {
		return "?"
	}
	sign := ""
	if minutes < 0 {
		sign, minutes = "-", -minutes
	}
	minutes = math.Round(minutes)
	if minutes == 0 {
		return "0m" // no "-0m" for a tiny negative change
	}
	units := []struct {
		suffix string
		size   float64
	}{
		{"w", cal.MinutesPerWeek()},
		{"d", cal.MinutesPerDay()},
		{"h", 60},
		{"m", 1},
	}
	var parts []string
	first := -1
	for i, u := range units {
		if first >= 0 && keep > 0 && i-first >= keep {
			break
		}
		n := math.Floor(minutes/u.size + 1e-9)
		if u.size == 1 {
			n = math.Round(minutes) // what the larger units left; fractional only on odd calendars
		}
		if n < 1 {
			continue
		}
		if first < 0 {
			first = i
		}
		parts = append(parts, strconv.FormatFloat(n, 'f', -1, 64)+u.suffix)
		minutes = math.Max(0, minutes-n*u.size)
	}
	return sign + strings.Join(parts, " ")
}

// DurationEcho says what a typed duration will be taken as, e.g. "= 3m" for "3" (a bare number
// is minutes) or "= 1h 30m" for "1,5h", so a facilitator sees it while typing. It is "" when the
// text is blank, does not parse (the field shows the error instead), or is already written the
// way Leadline writes it.
func DurationEcho(text string, cal Calendar) string {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return ""
	}
	minutes, err := ParseDuration(trimmed, cal)
	if err != nil {
		return ""
	}
	formatted := FormatDuration(minutes, cal)
	if formatted == trimmed {
		return ""
	}
	return "= " + formatted
}
