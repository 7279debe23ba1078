package workshop

import (
	"fmt"
	"math"
	"strings"
)

// Range is the low and high estimate around a stage's wait or process time; the typed time is
// the most likely value, so Low ≤ value ≤ High. The zero Range means no range: the time is
// taken as certain. (A range of 0 to 0 around a time of 0 says the same.)
type Range struct {
	Low, High float64
}

// IsSet tells whether a range was given.
func (r Range) IsSet() bool { return r != Range{} }

// HasRange tells whether the stage carries a range on its wait or its process time.
func (s *Stage) HasRange() bool { return s.WaitRange.IsSet() || s.ProcessRange.IsSet() }

// HasRanges tells whether any stage of the map carries a range, so a forecast says more than
// the lead time.
func (m *Map) HasRanges() bool {
	for _, s := range m.Stages {
		if s.HasRange() {
			return true
		}
	}
	return false
}

func (r Range) validate(mapName, stageName, field string, value float64) []error {
	if !r.IsSet() {
		return nil
	}
	text := fmt.Sprintf("%v to %v", r.Low, r.High)
	fail := func(problem string) []error {
		return []error{&FieldError{Map: mapName, Stage: stageName, Field: field, Value: text, Problem: problem}}
	}
	for _, v := range []float64{r.Low, r.High} {
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return fail("is not a number")
		case v < 0:
			return fail("must not be negative")
		case v > MaxMinutes:
			return fail("is too large")
		}
	}
	if !(r.Low <= value && value <= r.High) {
		return fail(fmt.Sprintf("must hold the most likely value %v: low ≤ value ≤ high", value))
	}
	return nil
}

// ParseEstimate reads a time with an optional range, as typed in the stage editor:
// "2d" or "2d, from 1d to 1w". The range must hold the time.
func ParseEstimate(text string, cal Calendar) (float64, Range, error) {
	valueText, rangeText, hasRange := cutWord(text, "from")
	value, err := ParseDuration(strings.TrimRight(strings.TrimSpace(valueText), ", "), cal)
	if err != nil || !hasRange {
		return value, Range{}, err
	}
	lowText, highText, ok := cutWord(rangeText, "to")
	if !ok {
		return 0, Range{}, &DurationError{Text: text, Reason: `write the range as "from 1d to 1w"`}
	}
	var r Range
	if r.Low, err = ParseDuration(lowText, cal); err != nil {
		return 0, Range{}, err
	}
	if r.High, err = ParseDuration(highText, cal); err != nil {
		return 0, Range{}, err
	}
	if !(r.Low <= value && value <= r.High) {
		return 0, Range{}, &DurationError{Text: text, Reason: fmt.Sprintf("%s must lie between %s and %s",
			FormatDuration(value, cal), FormatDuration(r.Low, cal), FormatDuration(r.High, cal))}
	}
	return value, r, nil
}

// FormatEstimate writes a time with its range the way ParseEstimate reads it.
func FormatEstimate(value float64, r Range, cal Calendar) string {
	text := FormatDuration(value, cal)
	if r.IsSet() {
		text += ", from " + FormatDuration(r.Low, cal) + " to " + FormatDuration(r.High, cal)
	}
	return text
}

// FormatRange writes a range compactly for a card or a badge, e.g. "1d–1w".
func FormatRange(r Range, cal Calendar) string {
	return FormatShort(r.Low, cal) + "–" + FormatShort(r.High, cal)
}

// WithRange adds a range to an already formatted time, "2d (1d–1w)", for the cards on the
// canvas and in the handout; without a range the text stays as it is.
func WithRange(text string, r Range, cal Calendar) string {
	if !r.IsSet() {
		return text
	}
	return text + " (" + FormatRange(r, cal) + ")"
}

// cutWord splits text around the first whole word (case-insensitive).
func cutWord(text, word string) (before, after string, found bool) {
	fields := strings.Fields(text)
	for i, f := range fields {
		if strings.EqualFold(f, word) {
			return strings.Join(fields[:i], " "), strings.Join(fields[i+1:], " "), true
		}
	}
	return text, "", false
}
