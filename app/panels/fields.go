package panels

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"leadline.app/leadline/workshop"
)

// Parsers for the editors' text fields. Each error names the field and quotes the text, since
// it is shown beside the field while the typed text stays as it is.

// parseCAField reads %C&A: blank means not recorded; otherwise 0–100, a trailing "%" allowed.
func parseCAField(text string) (ca float64, recorded bool, err error) {
	ca, recorded, err = workshop.ParsePercent(text)
	var bad *workshop.PercentError
	if errors.As(err, &bad) {
		return 0, false, fmt.Errorf("%%C&A %q: %s", text, bad.Reason)
	}
	return ca, recorded, err
}

// parseCountField reads a whole number of at least zero; blank means zero.
func parseCountField(field, text string) (int, error) {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(trimmed)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s %q: write a whole number, 0 or more", field, text)
	}
	return n, nil
}

// parseRangeField reads a number in (0, most], e.g. hours per day.
func parseRangeField(field, text string, most float64) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil {
		return 0, fmt.Errorf("%s %q: not a number", field, text)
	}
	if !(v > 0 && v <= most) {
		return 0, fmt.Errorf("%s %q: must be more than 0 and at most %s", field, text, strconv.FormatFloat(most, 'f', -1, 64))
	}
	return v, nil
}

// requireText refuses a blank required field.
func requireText(field, text string) (string, error) {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return "", fmt.Errorf("%s: must not be empty", field)
	}
	return trimmed, nil
}

// formatNumber writes a float without trailing zeros: 8, 7.5.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// formatCA writes a stage's %C&A for its field: blank when not recorded.
func formatCA(s *workshop.Stage) string {
	if !s.HasCA {
		return ""
	}
	return formatNumber(s.CA)
}

// formatCount writes a count for its field: blank for zero, so the placeholder shows.
func formatCount(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
