package workshop

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParsePercent reads a percentage such as "85", "85%" or " 12.5 % " in 0–100. Blank means not
// recorded. It is the one reader of %C&A and rework percentages, in the app's fields, the
// command line and every import format.
func ParsePercent(text string) (value float64, recorded bool, err error) {
	trimmed := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	if trimmed == "" {
		return 0, false, nil
	}
	value, err = strconv.ParseFloat(trimmed, 64)
	if err != nil || math.IsNaN(value) || math.IsInf(value, 0) {
		return 0, false, &PercentError{Text: text, Reason: "not a number; write 0 to 100"}
	}
	if !(value >= 0 && value <= 100) {
		return 0, false, &PercentError{Text: text, Reason: "must be between 0 and 100"}
	}
	return value, true, nil
}

// PercentError says which text is no percentage, and why.
type PercentError struct {
	Text   string
	Reason string
}

func (e *PercentError) Error() string { return strings.TrimSpace(e.Text) + " " + e.Reason }

// durationHint is what every reader of minutes-or-duration asks for.
const durationHint = `minutes or a duration such as "2d 4h"`

// ReadDuration reads a process or wait time as it comes in JSON, from a file or a `leadline
// edit` line: a number of minutes, or a duration text such as "2d 4h" read with the calendar.
// Left out or null is zero.
func ReadDuration(raw json.RawMessage, cal Calendar) (float64, error) {
	text := strings.TrimSpace(string(raw))
	if text == "" || text == "null" {
		return 0, nil
	}
	if text[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, fmt.Errorf("expected %s, found %s", durationHint, Shorten(text, 40))
		}
		return ParseDuration(s, cal)
	}
	// The JSON decoder has checked the syntax already: text is a number, true, false, a list
	// or an object. A number too large for float64 comes back as ±Inf with a range error.
	minutes, err := strconv.ParseFloat(text, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, fmt.Errorf("expected %s, found %s", durationHint, Shorten(text, 40))
	}
	switch {
	case minutes < 0:
		return 0, fmt.Errorf("%s must not be negative", Shorten(text, 40))
	case minutes > MaxMinutes:
		return 0, fmt.Errorf("%s is too large", Shorten(text, 40))
	}
	return minutes, nil
}
