// Package store keeps workshops in a Leadline library: one SQLite file that the app and the
// command line share. Every edit is saved in its own transaction as it happens, and a file that
// is damaged, foreign or from a newer Leadline is refused without a single byte written to it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Summary is one row of the library list.
type Summary struct {
	ID      int64
	Name    string
	Maps    int
	Updated time.Time
}

var (
	// ErrNotFound is returned for a workshop id the library does not hold.
	ErrNotFound = errors.New("workshop not found")
	// ErrCorrupt marks a file that cannot be used as a library: damaged, not SQLite, or an
	// SQLite database of another application. The app should offer to open or create another.
	ErrCorrupt = errors.New("not a usable Leadline library")
	// ErrNewerVersion marks a library written by a newer Leadline; it is never downgraded.
	ErrNewerVersion = errors.New("library from a newer version of Leadline")
	// ErrReadOnly is returned by every write to a library opened read-only, because its file or
	// folder cannot be written (a read-only mount, a shared folder, a file marked read-only).
	ErrReadOnly = errors.New("the library is read-only: its file or folder cannot be written, so nothing was changed")
)

// OpenError tells why a library file was refused. It names the file, and unwraps to
// ErrCorrupt or ErrNewerVersion.
type OpenError struct {
	Path   string
	Reason error // ErrCorrupt or ErrNewerVersion
	Detail string
}

func (e *OpenError) Error() string {
	return fmt.Sprintf("library %s %s; the file was left untouched", quotePath(e.Path), e.Detail)
}

func (e *OpenError) Unwrap() error { return e.Reason }

func refuse(path string, reason error, format string, args ...any) *OpenError {
	return &OpenError{Path: path, Reason: reason, Detail: fmt.Sprintf(format, args...)}
}

// Library is an open library file. It is safe for use from several goroutines, and several
// Libraries (in one process or many) may share one file.
type Library struct {
	path     string
	db       *sql.DB
	isNew    bool
	readOnly bool
	version  int
	// writeMu queues this process's writers in Go rather than in SQLite's busy handler, which
	// polls; SQLite's own lock still guards against other processes.
	writeMu    sync.Mutex
	waitNotice func(message string) // see WithWaitNotice
}

// readWriteParams are set per connection by the driver: PRAGMAs run with db.Exec would reach
// only one pooled connection. synchronous=FULL makes a commit durable against power loss, not
// just against a crash: an edit acknowledged in the room must survive the laptop dying.
const readWriteParams = "_journal_mode=WAL&_foreign_keys=on&_busy_timeout=5000&_txlock=immediate&_synchronous=FULL"

// fileURI turns a path into an SQLite URI, escaping '?', '#' and '%' so they stay in the name.
func fileURI(path, params string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String() + "?" + params
}

// Option tunes Open.
type Option func(*options)

type options struct {
	seed       func(*Library) error
	waitNotice func(message string)
}

// WithSeed fills a library Open creates — with the sample workshops, say — before the new file
// is linked into place, so that a crash or a full disk half-way through the first run leaves
// no library at all rather than a half-seeded one forever.
func WithSeed(seed func(*Library) error) Option {
	return func(o *options) { o.seed = seed }
}

// Open opens the library at path, creating the file (and its folder) if it does not exist.
// An existing file is inspected read-only first; only a healthy Leadline library of this or an
// older schema version is then opened for writing, and migrated if older.
func Open(path string, opts ...Option) (*Library, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if path == "" {
		return nil, errors.New("open library: no file name given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", quotePath(path), err)
	}
	removeDeadTemporaries(abs)
	created := false
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if created, err = createLibrary(abs, o.seed); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("open library %s: %w", quotePath(abs), err)
	case !info.Mode().IsRegular():
		return nil, refuse(abs, ErrCorrupt, "is not a regular file")
	}
	if !created {
		if err := inspect(abs); err != nil {
			return nil, err
		}
		if !canWrite(abs) {
			return openReadOnly(abs)
		}
	}
	db, err := sql.Open("sqlite3", fileURI(abs, readWriteParams))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", quotePath(abs), err)
	}
	version, err := migrate(db, abs)
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Library{path: abs, db: db, isNew: created, version: version, waitNotice: o.waitNotice}, nil
}

// createLibrary builds a fresh library beside path and links it into place, so that a crash
// half-way never leaves an empty or schema-less file under the real name. It reports false if
// another process created the file first; that file is then opened like any other.
func createLibrary(path string, seed func(*Library) error) (bool, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false, fmt.Errorf("create library %s: %w", quotePath(path), err)
	}
	tmp := fmt.Sprintf("%s%s%d-%d", path, temporarySuffix, os.Getpid(), time.Now().UnixNano())
	// Create the file first, so that a read-only folder is reported as such rather than by
	// SQLite's "unable to open database file".
	probe, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return false, fmt.Errorf("create library %s: %w", quotePath(path), withoutPath(err))
	}
	probe.Close()
	defer removeWithSidecars(tmp)
	db, err := sql.Open("sqlite3", fileURI(tmp, readWriteParams))
	if err != nil {
		return false, fmt.Errorf("create library %s: %w", quotePath(path), err)
	}
	db.SetMaxOpenConns(1)
	if _, err := migrate(db, path); err != nil {
		db.Close()
		return false, err
	}
	if seed != nil {
		if err := seed(&Library{path: path, db: db, isNew: true, version: CurrentVersion}); err != nil {
			db.Close()
			return false, fmt.Errorf("create library %s: %w", quotePath(path), err)
		}
	}
	// Fold the WAL into the main file: only the main file is linked into place.
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		db.Close()
		return false, fmt.Errorf("create library %s: checkpoint: %w", quotePath(path), err)
	}
	if err := db.Close(); err != nil {
		return false, fmt.Errorf("create library %s: %w", quotePath(path), err)
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return false, nil
		}
		// Some file systems cannot hard-link; a rename is the next best thing.
		if _, statErr := os.Stat(path); statErr == nil {
			return false, nil
		}
		if err := os.Rename(tmp, path); err != nil {
			return false, fmt.Errorf("create library %s: %w", quotePath(path), err)
		}
	}
	return true, nil
}

func removeWithSidecars(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		_ = os.Remove(path + suffix)
	}
}

// Path is the absolute path of the library file.
func (l *Library) Path() string { return l.path }

// IsNew tells whether Open created this library just now (and seeded it, WithSeed).
func (l *Library) IsNew() bool { return l.isNew }

// ReadOnly tells whether the library was opened read-only because it cannot be written: it
// can be listed, loaded and exported, and every write returns ErrReadOnly.
func (l *Library) ReadOnly() bool { return l.readOnly }

// Version is the schema version (PRAGMA user_version) of the open library.
func (l *Library) Version() int { return l.version }

// Close releases the file. The last connection to close folds the WAL into the main file.
func (l *Library) Close() error {
	if err := l.db.Close(); err != nil {
		return fmt.Errorf("close library %s: %w", quotePath(l.path), err)
	}
	return nil
}

// write runs fn in one immediate transaction.
func (l *Library) write(what string, fn func(tx *sql.Tx) error) error {
	if l.readOnly {
		return fmt.Errorf("%s in library %s: %w", what, quotePath(l.path), ErrReadOnly)
	}
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	tx, err := l.beginWrite(what)
	if err != nil {
		return fmt.Errorf("%s in library %s: %w", what, quotePath(l.path), err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return fmt.Errorf("%s in library %s: %w", what, quotePath(l.path), err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s in library %s: commit: %w", what, quotePath(l.path), err)
	}
	return nil
}

// read runs fn in one deferred transaction, so that a load sees one consistent snapshot without
// taking the write lock (the DSN makes every db.Begin immediate).
func (l *Library) read(what string, fn func(conn *sql.Conn) error) (err error) {
	ctx := context.Background()
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("%s in library %s: %w", what, quotePath(l.path), err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return fmt.Errorf("%s in library %s: %w", what, quotePath(l.path), err)
	}
	defer func() {
		// A read transaction has nothing to commit; ending it must not leave the pooled
		// connection inside a transaction.
		if _, endErr := conn.ExecContext(ctx, "COMMIT"); endErr != nil {
			_, _ = conn.ExecContext(ctx, "ROLLBACK")
			if err == nil {
				err = fmt.Errorf("%s in library %s: %w", what, quotePath(l.path), endErr)
			}
		}
	}()
	if err := fn(conn); err != nil {
		return fmt.Errorf("%s in library %s: %w", what, quotePath(l.path), err)
	}
	return nil
}
