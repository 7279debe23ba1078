//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A library that cannot be written is opened read-only (issue 10, finding 14): `list` and
// `export` work, a write says the library is read-only, and nothing appears beside the file —
// in particular no -shm with the library's read-only mode. Permissions do not bind root, so
// as root the binary runs as nobody.
func TestReadOnlyLibrary(t *testing.T) {
	bin := leadlineBin(t)
	root := os.Geteuid() == 0
	base, err := os.MkdirTemp("", "leadline-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = filepath.Walk(base, func(p string, _ os.FileInfo, _ error) error { return os.Chmod(p, 0o755) })
		_ = os.RemoveAll(base)
	})
	must(t, os.Chmod(base, 0o777))
	binCopy := filepath.Join(base, "leadline")
	copyFile(t, bin, binCopy)
	must(t, os.Chmod(binCopy, 0o755))
	run := func(args ...string) (string, error) {
		cmd := exec.Command(binCopy, args...)
		if root {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	tests := []struct {
		name string
		// lockDown makes the library unwritable for the binary and returns its path.
		lockDown func(dir string) string
	}{
		{"read-only folder", func(dir string) string {
			path := filepath.Join(dir, "library.db")
			seedAs(t, binCopy, path, root, false)
			must(t, os.Chmod(dir, 0o555))
			return path
		}},
		{"read-only file", func(dir string) string {
			path := filepath.Join(dir, "library.db")
			seedAs(t, binCopy, path, root, true)
			must(t, os.Chmod(path, 0o444))
			return path
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(base, strings.Repeat("d", i+1))
			must(t, os.Mkdir(dir, 0o777))
			must(t, os.Chmod(dir, 0o777))
			path := tt.lockDown(dir)
			before := dirNames(t, dir)

			out, err := run("list", "--db", path)
			if err != nil || !strings.Contains(out, "Hotfix") {
				t.Fatalf("list: %v\n%s", err, out)
			}
			handout := filepath.Join(base, tt.name+".pdf")
			if out, err := run("export", "--format", "pdf", "--db", path, "--workshop", "2", "-o", handout); err != nil {
				t.Fatalf("export: %v\n%s", err, out)
			}
			out, err = run("import", "--db", path, "testdata/release.json")
			if err == nil || !strings.Contains(out, "the library is read-only") || strings.Contains(out, "no such file") {
				t.Errorf("import into a read-only library: %v\n%s", err, out)
			}
			if after := dirNames(t, dir); after != before {
				t.Errorf("files beside the library changed: %s → %s", before, after)
			}
		})
	}
}

// seedAs lets the binary create a library; owned says whether the test user should own it.
func seedAs(t *testing.T, bin, path string, root, owned bool) {
	t.Helper()
	cmd := exec.Command(bin, "list", "--db", path)
	if root && owned {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("seeding %s: %v\n%s", path, err, out)
	}
	must(t, os.Chmod(path, 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func dirNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, ", ")
}
