package workshop_test

import (
	"go/build"
	"strings"
	"testing"
)

// TestStandardLibraryOnly keeps the domain free of Fyne, SQLite and everything else outside the
// standard library (README, Layout: dependencies point down, towards workshop). A standard-library
// import path has no dot in its first element.
func TestStandardLibraryOnly(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatalf("reading the package: %v", err)
	}
	if len(pkg.Imports) == 0 {
		t.Fatal("found no imports at all; is the test looking at the right directory?")
	}
	for _, path := range pkg.Imports {
		first, _, _ := strings.Cut(path, "/")
		if strings.Contains(first, ".") {
			t.Errorf("workshop imports %q; it must import the standard library alone", path)
		}
	}
}

// TestAdaptersImportNothingAbove holds store, formats, report and session to the README's Layout direction: each
// builds on workshop, and none reaches up into the UI (app, canvas, Fyne) or the command line.
// Their own libraries (SQLite, gofpdf) and the embedded assets are below them and allowed.
func TestAdaptersImportNothingAbove(t *testing.T) {
	const module = "leadline.app/leadline/"
	above := []string{module + "app", module + "canvas", module + "cmd", "fyne.io/"}
	for _, dir := range []string{"store", "formats", "report", "session"} {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("reading workshop/%s: %v", dir, err)
		}
		usesDomain := false
		for _, path := range pkg.Imports {
			usesDomain = usesDomain || path == module+"workshop"
			for _, forbidden := range above {
				if path == forbidden || strings.HasPrefix(path, strings.TrimSuffix(forbidden, "/")+"/") {
					t.Errorf("workshop/%s imports %q, which lies above it", dir, path)
				}
			}
		}
		if !usesDomain {
			t.Errorf("workshop/%s does not import workshop; is the test looking at the right directory?", dir)
		}
	}
}
