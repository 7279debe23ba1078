package store

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWindowsLibraryPaths(t *testing.T) {
	for _, tc := range []struct {
		name                string
		env                 map[string]string
		wantLocal, wantRoam string
	}{
		{"both set", map[string]string{"LocalAppData": "L", "AppData": "R"},
			filepath.Join("L", "leadline", "library.db"), filepath.Join("R", "leadline", "library.db")},
		{"no Roaming", map[string]string{"LocalAppData": "L"}, filepath.Join("L", "leadline", "library.db"), ""},
		{"nothing set", map[string]string{}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			local, roaming := windowsLibraryPaths(func(k string) string { return tc.env[k] })
			if local != tc.wantLocal || roaming != tc.wantRoam {
				t.Errorf("got %q, %q; want %q, %q", local, roaming, tc.wantLocal, tc.wantRoam)
			}
		})
	}
}

// TestMoveLibrary moves a Roaming library with its log files to Local once, and never
// replaces a library already there.
func TestMoveLibrary(t *testing.T) {
	files := map[string]string{"": "library", "-wal": "log with the latest edits", "-shm": "index"}
	for _, tc := range []struct {
		name       string
		from       []string // suffixes present at the old place
		to         []string // suffixes already at the new place
		wantMoved  []string
		wantStayed []string
	}{
		{"library and its logs", []string{"", "-wal", "-shm"}, nil, []string{"", "-wal", "-shm"}, nil},
		{"library alone (checkpointed)", []string{""}, nil, []string{""}, nil},
		{"a move cut short after the log", []string{"", "-shm"}, []string{"-wal"}, []string{"", "-shm"}, nil},
		{"already in Local", []string{"", "-wal"}, []string{""}, nil, []string{"", "-wal"}},
		{"nothing to move", nil, nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			from := filepath.Join(root, "Roaming", "leadline", "library.db")
			to := filepath.Join(root, "Local", "leadline", "library.db")
			write := func(path, content string) {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, s := range tc.from {
				write(from+s, files[s])
			}
			for _, s := range tc.to {
				write(to+s, "already here "+files[s])
			}
			if err := moveLibrary(from, to); err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.wantMoved {
				if got, err := os.ReadFile(to + s); err != nil || string(got) != files[s] {
					t.Errorf("library.db%s in Local: %q, %v; want %q", s, got, err, files[s])
				}
				if _, err := os.Stat(from + s); err == nil {
					t.Errorf("library.db%s is still in Roaming: a copy, not a move", s)
				}
			}
			for _, s := range tc.wantStayed {
				if got, err := os.ReadFile(from + s); err != nil || string(got) != files[s] {
					t.Errorf("library.db%s in Roaming: %q, %v; want it untouched", s, got, err)
				}
			}
			for _, s := range tc.to {
				if got, _ := os.ReadFile(to + s); s == "" && string(got) != "already here "+files[s] {
					t.Errorf("the library in Local was replaced: %q", got)
				}
			}
		})
	}
}
