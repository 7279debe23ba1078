//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe or a device at -o is refused, not replaced. The device is a copy of /dev/full
// made in the test's folder (as root only): an export that wrongly renamed over the real
// /dev/full would break it for the whole machine.
func TestExportRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "handout.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{fifo: "is not a regular file"}
	full := filepath.Join(dir, "full")
	if err := syscall.Mknod(full, syscall.S_IFCHR|0o666, int(1<<8|7)); err == nil {
		targets[full] = "is a device, not a file"
	} else {
		t.Logf("no device node (%v); checking the pipe only", err)
	}
	for target, want := range targets {
		err := run([]string{"export", "--format", "json", "-o", target, "testdata/release.json"})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("export -o %s: %v, want an error saying %q", target, err, want)
		}
		info, statErr := os.Lstat(target)
		if statErr != nil || info.Mode().IsRegular() {
			t.Errorf("%s was replaced by a regular file (%v)", target, statErr)
		}
	}
}
