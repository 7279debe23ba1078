package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath is the library the app and the command line share when no --db is given:
//   - Linux and the BSDs: $XDG_CONFIG_HOME/leadline/library.db, by default
//     ~/.config/leadline/library.db;
//   - macOS: ~/Library/Application Support/leadline/library.db;
//   - Windows: %LocalAppData%\leadline\library.db. Not %AppData% (Roaming), which companies
//     often redirect to a network share, where SQLite's write-ahead log is not safe.
func DefaultPath() (string, error) {
	if runtime.GOOS == "windows" {
		local, _ := windowsLibraryPaths(os.Getenv)
		if local == "" {
			return "", errors.New("find the default library: %LocalAppData% is not set")
		}
		return local, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the default library: %w", err)
	}
	return libraryIn(dir), nil
}

// DefaultLibrary is DefaultPath, after moving a library that an earlier Leadline kept in
// Roaming on Windows to Local. It is moved, never copied, so no edit can go to a copy left
// behind. When the move is not possible (another Leadline has the file open, or Roaming is on
// another drive) the Roaming library is used as before, and the move is tried again next time.
func DefaultLibrary() (string, error) {
	path, err := DefaultPath()
	if err != nil || runtime.GOOS != "windows" {
		return path, err
	}
	_, roaming := windowsLibraryPaths(os.Getenv)
	if roaming == "" {
		return path, nil
	}
	if err := moveLibrary(roaming, path); err != nil {
		return roaming, nil
	}
	return path, nil
}

// windowsLibraryPaths are the library in %LocalAppData% and where Leadline 0.1 kept it, in
// %AppData%; "" where the variable is unset.
func windowsLibraryPaths(getenv func(string) string) (local, roaming string) {
	if dir := getenv("LocalAppData"); dir != "" {
		local = libraryIn(dir)
	}
	if dir := getenv("AppData"); dir != "" {
		roaming = libraryIn(dir)
	}
	return local, roaming
}

func libraryIn(dir string) string { return filepath.Join(dir, "leadline", "library.db") }

// moveLibrary moves the library at from, with its -wal and -shm files, to to, unless to
// already exists (then nothing is touched) or from does not. The log files move first and the
// library last: a move cut short is finished on the next call, since to does not exist yet,
// and a library never arrives without the log that holds its latest edits.
func moveLibrary(from, to string) error {
	if _, err := os.Lstat(to); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	info, err := os.Lstat(from)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("move library %s: %w", quotePath(from), err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("move library %s: not a regular file", quotePath(from))
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return fmt.Errorf("move library %s: %w", quotePath(from), err)
	}
	for _, suffix := range []string{"-wal", "-shm", ""} {
		err := os.Rename(from+suffix, to+suffix)
		if err != nil && !(suffix != "" && errors.Is(err, fs.ErrNotExist)) {
			return fmt.Errorf("move library %s to %s: %w", quotePath(from), quotePath(to), err)
		}
	}
	return nil
}
