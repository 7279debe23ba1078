package workshop

import (
	"errors"
	"fmt"
	"strings"
)

// The rules for a process or wait time typed into an editor field, shared by the side panel's
// stage editor and the on-card editor on the map, so a time reads the same in both.

// ParseEstimateField reads a process or wait field: a duration with an optional range,
// "2d, from 1d to 1w"; blank means zero and no range. The error names the field and quotes
// the text, since it is shown beside the field while the typed text stays as it is.
func ParseEstimateField(field, text string, cal Calendar) (float64, Range, error) {
	if strings.TrimSpace(text) == "" {
		return 0, Range{}, nil
	}
	minutes, r, err := ParseEstimate(text, cal)
	if err != nil {
		var de *DurationError
		if errors.As(err, &de) {
			return 0, Range{}, fmt.Errorf("%s %q: %s", field, de.Text, de.Reason)
		}
		return 0, Range{}, fmt.Errorf("%s %q: %w", field, text, err)
	}
	return minutes, r, nil
}

// FormatEstimateField writes a duration and its range for its field: blank for zero without a
// range, so the placeholder shows.
func FormatEstimateField(minutes float64, r Range, cal Calendar) string {
	if minutes == 0 && !r.IsSet() {
		return ""
	}
	return FormatEstimate(minutes, r, cal)
}

// KeepUnrounded returns the model's value when typed is what the field shows for it: the field
// writes durations to the whole minute, so an imported 19.8 minutes shows as "20m", and editing
// another field must not turn it into 20.
func KeepUnrounded(typed, model float64, cal Calendar) float64 {
	shown, _, err := ParseEstimateField("", FormatEstimateField(model, Range{}, cal), cal)
	if err == nil && typed == shown {
		return model
	}
	return typed
}
