package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
)

// localPath is a file URI's path as the platform writes it: Fyne's URIs use forward slashes
// (C:/Users/…), while a Windows user reads and types C:\Users\….
func localPath(u fyne.URI) string { return filepath.FromSlash(u.Path()) }

// windowsReserved are the device names Windows refuses as a file name, with or without an
// extension ("CON.pdf" is the console too), in any letter case.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}

func init() {
	for _, n := range "123456789¹²³" {
		windowsReserved["COM"+string(n)] = true
		windowsReserved["LPT"+string(n)] = true
	}
}

// maxFileNameRunes keeps a file name (with its extension) under 255 bytes even in a script of
// three bytes a letter.
const maxFileNameRunes = 80

// fileName turns a workshop name into a file name every platform accepts, keeping letters of
// any script: the characters Windows forbids (/\:*?"<>| and control characters) become '-',
// trailing dots and spaces (which Windows drops) go, and a device name (CON, NUL, COM1…) gets
// a '-' so a handout of the workshop "Con" is a file, not the console. Long names are cut.
func fileName(name, ext string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' || r == 0x7f {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	// A name of up to 500 characters would pass the 255 bytes a file name may hold.
	if runes := []rune(clean); len(runes) > maxFileNameRunes {
		clean = string(runes[:maxFileNameRunes])
	}
	clean = strings.TrimRight(clean, ". ")
	// Windows reads "NUL.draft.pdf" and "CON .pdf" as devices too: the '-' goes after the stem.
	stem, _, _ := strings.Cut(clean, ".")
	if stem = strings.TrimRight(stem, " "); windowsReserved[strings.ToUpper(stem)] {
		clean = stem + "-" + clean[len(stem):]
	}
	if clean == "" {
		clean = "workshop"
	}
	return clean + ext
}
