package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// canWrite tells whether SQLite could write the library: the file must open for writing, and
// the folder must take the -wal and -shm files unless they are there already. Opening such a
// library read-write fails on the first statement, and SQLite would leave a -shm file behind
// with the library's read-only mode.
func canWrite(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	_, walErr := os.Stat(path + "-wal")
	_, shmErr := os.Stat(path + "-shm")
	if walErr == nil && shmErr == nil {
		return true
	}
	probe, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".probe-*")
	if err != nil {
		return false
	}
	probe.Close()
	_ = os.Remove(probe.Name())
	return true
}

// OpenReadOnly opens an existing library without ever writing to it, as Open does by itself
// for a library that cannot be written: it can be listed, shown and exported. Without a WAL
// beside it, it is opened immutable, which creates no file at all; an older schema cannot be
// upgraded in place and is refused.
func OpenReadOnly(path string) (*Library, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", quotePath(path), err)
	}
	if err := inspect(abs); err != nil {
		return nil, err
	}
	return openReadOnly(abs)
}

func openReadOnly(path string) (*Library, error) {
	state, err := statFile(path)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", quotePath(path), err)
	}
	params := "mode=ro&_busy_timeout=5000&_foreign_keys=on"
	if !state.wal && !state.shm {
		params += "&immutable=1"
	}
	db, err := sql.Open("sqlite3", fileURI(path, params))
	if err != nil {
		return nil, fmt.Errorf("open library %s read-only: %w", quotePath(path), err)
	}
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("open library %s read-only: read schema version: %w", quotePath(path), err)
	}
	if version < CurrentVersion {
		db.Close()
		return nil, fmt.Errorf("open library %s: it is read-only and from an older Leadline (schema version %d); make it writable once so that it can be upgraded", quotePath(path), version)
	}
	return &Library{path: path, db: db, readOnly: true, version: version}, nil
}

// withoutPath drops the file name from an error whose message names it already.
func withoutPath(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
}
