package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
)

// Handouts and JSON exports are saved under names Windows, macOS and Linux all accept.
func TestFileName(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Idea to customer", "Idea to customer.pdf"},
		{"Бюджет / Q3: план?", "Бюджет - Q3- план-.pdf"},
		{`a\b*c"d<e>f|g`, "a-b-c-d-e-f-g.pdf"},
		{"tab\there\x7f", "tab-here-.pdf"},
		{"CON", "CON-.pdf"},
		{"con", "con-.pdf"},
		{"Nul.draft", "Nul-.draft.pdf"},
		{"con .v2", "con- .v2.pdf"},
		{"COM²", "COM²-.pdf"},
		{"COM1", "COM1-.pdf"},
		{"lpt9", "lpt9-.pdf"},
		{"COM0", "COM0.pdf"}, // not a device
		{"CONSOLE", "CONSOLE.pdf"},
		{"Release train...", "Release train.pdf"},
		{"Release train . . ", "Release train.pdf"},
		{"..", "workshop.pdf"},
		{"   ", "workshop.pdf"},
		{"", "workshop.pdf"},
		{strings.Repeat("я", 300), strings.Repeat("я", maxFileNameRunes) + ".pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fileName(tc.name, ".pdf")
			if got != tc.want {
				t.Errorf("fileName(%q) = %q, want %q", tc.name, got, tc.want)
			}
			if len(got) > 255 {
				t.Errorf("fileName(%q) is %d bytes, more than a file name may hold", tc.name, len(got))
			}
		})
	}
}

func TestLocalPath(t *testing.T) {
	u := storage.NewFileURI("/home/ana/handout.pdf")
	if got, want := localPath(u), filepath.FromSlash("/home/ana/handout.pdf"); got != want {
		t.Errorf("localPath(%s) = %s, want %s", u, got, want)
	}
}
