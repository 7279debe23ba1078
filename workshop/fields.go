package workshop

import (
	"errors"
	"fmt"
	"strings"
)

// ParseDurationField reads a duration typed into an editor field (the side panel's, or a
// card's on the map); blank means zero. The error names the field and quotes the text, since
// it is shown beside the field while the typed text stays as it is.
func ParseDurationField(field, text string, cal Calendar) (float64, error) {
	if strings.TrimSpace(text) == "" {
		return 0, nil
	}
	minutes, err := ParseDuration(text, cal)
	if err != nil {
		var de *DurationError
		if errors.As(err, &de) {
			return 0, fmt.Errorf("%s %q: %s", field, text, de.Reason)
		}
		return 0, fmt.Errorf("%s %q: %w", field, text, err)
	}
	return minutes, nil
}
