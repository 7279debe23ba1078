package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// checkOutput refuses an export target that must not be replaced: the library or the file
// being exported, and anything that is not a regular file or a new name (a folder, a symbolic
// link, a device such as /dev/full, a pipe). It runs before the export is built, so a refusal
// costs nothing and names the real reason.
func checkOutput(path string, sources ...string) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return checkNotSidecar(path, sources)
	case err != nil:
		return fmt.Errorf("write %s: %w", path, err)
	}
	mode := info.Mode()
	switch {
	case mode&fs.ModeSymlink != 0:
		return fmt.Errorf("write %s: is a symbolic link; give the file it points to, or a new name", path)
	case mode.IsDir():
		return fmt.Errorf("write %s: is a folder; give a file name such as %s", path, filepath.Join(path, "handout.pdf"))
	case mode&fs.ModeDevice != 0:
		return fmt.Errorf("write %s: is a device, not a file; give a file name", path)
	case !mode.IsRegular():
		return fmt.Errorf("write %s: is not a regular file; give a file name", path)
	}
	for _, source := range sources {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			if other, err := os.Stat(source + suffix); err == nil && os.SameFile(info, other) {
				return fmt.Errorf("write %s: is %s, which is being exported; choose another file name", path, source+suffix)
			}
		}
	}
	return nil
}

// checkNotSidecar refuses a new name that SQLite would take for the library's write-ahead log
// or journal, which are absent while no one has the library open.
func checkNotSidecar(path string, sources []string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	for _, source := range sources {
		sourceAbs, err := filepath.Abs(source)
		if err != nil {
			continue
		}
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if abs == sourceAbs+suffix {
				return fmt.Errorf("write %s: is %s, which is being exported; choose another file name", path, source+suffix)
			}
		}
	}
	return nil
}

// writeFileAtomically writes through a temporary file in the same folder and renames it, so a
// failed export never leaves half a file where a good one was. A file it replaces keeps its
// permissions; a new one is readable by all, as a handout is for sharing.
func writeFileAtomically(path string, data []byte) error {
	if err := checkOutput(path); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, withoutPath(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, withoutPath(err))
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, withoutPath(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, withoutPath(err))
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("write %s: %w", path, withoutPath(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, withoutPath(err))
	}
	return nil
}

// withoutPath drops the temporary file's name from an error: the user asked for path, and the
// temporary file is gone by the time they read the message.
func withoutPath(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	var linkErr *os.LinkError
	if errors.As(err, &linkErr) {
		return linkErr.Err
	}
	return err
}
