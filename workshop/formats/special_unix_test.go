//go:build unix

package formats_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"leadline.app/leadline/workshop/formats"
)

// Importing a named pipe with no writer used to block forever in open (issue 10, finding 17);
// a device used to be read until the size limit. Both are refused by what they are.
func TestImportFileRefusesSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "workshop.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{fifo, "is a named pipe, not a file"},
		{"/dev/zero", "is a device, not a file"},
		{t.TempDir(), "is a directory, not a file"},
	}
	for _, tt := range tests {
		done := make(chan error, 1)
		go func() {
			_, _, err := formats.ImportFile(tt.path)
			done <- err
		}()
		select {
		case err := <-done:
			wantErrorNaming(t, err, "read "+tt.path, tt.want)
		case <-time.After(10 * time.Second):
			t.Fatalf("importing %s still hangs after 10 s", tt.path)
		}
	}
}
