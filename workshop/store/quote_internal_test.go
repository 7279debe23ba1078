package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Paths in messages read as the platform writes them: no doubled backslash from %q.
func TestQuotePath(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{`C:\My Docs\lib.db`, `“C:\My Docs\lib.db”`},
		{filepath.Join("home", "ana", "library.db"), "“" + filepath.Join("home", "ana", "library.db") + "”"},
		{"/tmp/с пробелом/lib.db", "“" + filepath.FromSlash("/tmp/с пробелом/lib.db") + "”"},
	} {
		if got := quotePath(tc.path); got != tc.want {
			t.Errorf("quotePath(%s) = %s, want %s", tc.path, got, tc.want)
		}
	}
	refused := &OpenError{Path: `C:\My Docs\lib.db`, Reason: ErrCorrupt, Detail: "is empty, not a Leadline library"}
	if got, want := refused.Error(), `library “C:\My Docs\lib.db” is empty, not a Leadline library; the file was left untouched`; got != want {
		t.Errorf("OpenError = %s\nwant        %s", got, want)
	}
}

// A real refusal of a file whose name holds a backslash (legal outside Windows) names it once,
// as it is written.
func TestRefusalNamesPathAsWritten(t *testing.T) {
	if filepath.Separator == '\\' {
		t.Skip(`a backslash in a file name is a folder separator on Windows`)
	}
	path := filepath.Join(t.TempDir(), `back\slash.db`)
	if err := os.WriteFile(path, []byte("name,lead time,process time\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open = %v, want a refusal", err)
	}
	if !strings.Contains(err.Error(), "library “"+path+"” ") || strings.Contains(err.Error(), `\\`) {
		t.Errorf("refusal %s should name “%s” with its one backslash", err, path)
	}
}
