package workshop

import (
	"fmt"
	"strings"
	"time"
)

// DateLayout is how a workshop's date is written: YYYY-MM-DD, which sorts and reads the same in
// every country ("1/12/2026" is January in one room and December in the next).
const DateLayout = "2006-01-02"

// CheckDate refuses a workshop date that is not a real day written YYYY-MM-DD; an empty date
// (not set yet) is allowed. Only the details form refuses: a file may hold any date text
// (Workshop.Date is kept as typed), and importing it must not lose the workshop.
// The error names the field, as ParseEstimateField's do, and shows the layout by example.
func CheckDate(field, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if _, err := time.Parse(DateLayout, text); err != nil {
		return fmt.Errorf("%s: use YYYY-MM-DD, e.g. 2026-12-01", field)
	}
	return nil
}
