package workshop_test

import (
	"go/build"
	"strings"
	"testing"
)

// TestStandardLibraryOnly keeps the domain free of Fyne, SQLite and everything else outside the
// standard library (DESIGN.md: dependencies point down, towards workshop). A standard-library
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
