package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `export -o` replaces only a regular file or writes a new one (issue 10, finding 6): never the
// library being exported, a symbolic link, a device or a folder.
func TestExportRefusesUnsafeOutput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	lib, err := openLibrary(db)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	precious := filepath.Join(dir, "precious.txt")
	if err := os.WriteFile(precious, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(precious, link); err != nil {
		t.Fatal(err)
	}
	input := filepath.Join(dir, "release.json")
	copyFile(t, "testdata/release.json", input)
	fromLibrary := []string{"export", "--format", "pdf", "--db", db, "--workshop", "1", "-o"}
	fromFile := func(out string) []string { return []string{"export", "--format", "json", "-o", out, input} }
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"the library itself", append(fromLibrary, db), "which is being exported"},
		{"the library's WAL", append(fromLibrary, db+"-wal"), "which is being exported"},
		{"the input file", fromFile(input), "which is being exported"},
		{"a symbolic link", fromFile(link), "is a symbolic link"},
		{"a folder", fromFile(dir), "is a folder; give a file name such as " + filepath.Join(dir, "handout.pdf")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fingerprints(t, db, precious, input)
			err := run(tt.args)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "/.") {
				t.Errorf("the message %q names a temporary file", err)
			}
			if after := fingerprints(t, db, precious, input); after != before {
				t.Errorf("a refused export changed a file:\n%s\nwant\n%s", after, before)
			}
		})
	}
}

// A replaced file keeps its permissions: a private handout stays private.
func TestExportKeepsTheModeOfAReplacedFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "private.json")
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"export", "--format", "json", "-o", out, "testdata/release.json"}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after the export, want the 0600 it had", info.Mode().Perm())
	}
	if data, _ := os.ReadFile(out); !bytes.Contains(data, []byte(`"maps"`)) {
		t.Errorf("the file was not replaced: %q", data)
	}
}

func fingerprints(t *testing.T, paths ...string) string {
	t.Helper()
	var b strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(p + " " + string(rune(len(data))) + " ")
		sum := sha256.Sum256(data)
		b.Write(sum[:])
		b.WriteString("\n")
	}
	return b.String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
