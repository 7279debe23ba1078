//go:build unix

package store_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// Temporary files of a process that died while creating the library are removed on open;
// those of a live process are not.
func TestDeadProcessTemporariesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	deadPID, livePID := strconv.Itoa(dead.ProcessState.Pid()), strconv.Itoa(os.Getppid())
	leftovers := []string{
		"library.db.new-" + deadPID + "-1",
		"library.db.new-" + deadPID + "-1-wal",
		"library.db.new-" + deadPID + "-1-shm",
	}
	kept := []string{"library.db.new-" + livePID + "-2", "library.db.new-notes.txt", "other.db.new-" + deadPID + "-1"}
	for _, name := range append(leftovers, kept...) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	openLibrary(t, path).Close()
	for _, name := range leftovers {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s of a dead process is still there (%v)", name, err)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
	}
}
