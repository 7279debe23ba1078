package store

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// temporarySuffix marks the file a new library is built in before it is linked into place:
// "library.db.new-<pid>-<nanoseconds>", with its -wal, -shm or -journal beside it.
const temporarySuffix = ".new-"

// removeDeadTemporaries deletes what a process that died while creating the library left
// behind. A temporary of a live process is left alone: it may be creating the library now.
func removeDeadTemporaries(path string) {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return
	}
	prefix := filepath.Base(path) + temporarySuffix
	for _, entry := range entries {
		rest, ok := strings.CutPrefix(entry.Name(), prefix)
		if !ok {
			continue
		}
		pidText, _, found := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !found || err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		_ = os.Remove(filepath.Join(filepath.Dir(path), entry.Name()))
	}
}
