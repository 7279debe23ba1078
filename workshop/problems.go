package workshop

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxMessageLength is about how many characters one error line may take: a file with a
// thousand problems is refused with the first few and a count, not a 24 MB line.
const MaxMessageLength = 300

// Summarize puts the problems errors.Join collected on one line, as the command line prints
// one, and stops at about MaxMessageLength characters with "… and N more problems".
func Summarize(err error) string {
	if err == nil {
		return ""
	}
	var parts []string
	var flatten func(error)
	flatten = func(e error) {
		if joined, ok := e.(interface{ Unwrap() []error }); ok {
			for _, inner := range joined.Unwrap() {
				flatten(inner)
			}
			return
		}
		parts = append(parts, strings.Join(strings.Fields(e.Error()), " "))
	}
	flatten(err)
	return SummarizeLines(parts)
}

// SummarizeLines joins problems with "; " and caps the line as Summarize does.
func SummarizeLines(parts []string) string {
	var b strings.Builder
	for i, part := range parts {
		if i > 0 && utf8.RuneCountInString(b.String())+2+utf8.RuneCountInString(part) > MaxMessageLength {
			rest := len(parts) - i
			fmt.Fprintf(&b, " … and %d more problem%s", rest, map[bool]string{true: "", false: "s"}[rest == 1])
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(Shorten(part, MaxMessageLength))
	}
	return b.String()
}

// Shorten cuts a text to at most limit characters, marking the cut with "…".
func Shorten(text string, limit int) string {
	if len(text) <= limit {
		return text
	}
	if runes := []rune(text); len(runes) > limit {
		return string(runes[:limit-1]) + "…"
	}
	return text
}
