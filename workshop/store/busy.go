package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"
)

// maxLockWait bounds how long a write waits for another process's transaction. SQLite's busy
// timeout (five seconds, in the DSN) covers an ordinary save; a large import in another process
// may hold the lock longer on a slow disk, and failing with "database is locked" then would lose
// the edit, so the write keeps waiting — and says so — up to this bound.
const maxLockWait = 60 * time.Second

// WithWaitNotice calls notice once each time a write has to wait for another process that holds
// the library's write lock, so that the command line or the app can say what it waits for.
func WithWaitNotice(notice func(message string)) Option {
	return func(o *options) { o.waitNotice = notice }
}

// beginWrite starts an immediate transaction, waiting for another process's writer as long as
// maxLockWait allows.
func (l *Library) beginWrite(what string) (*sql.Tx, error) {
	deadline := time.Now().Add(maxLockWait)
	noticed := false
	for {
		tx, err := l.db.Begin()
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			if err != nil && isBusy(err) {
				err = fmt.Errorf("another process has held the library's write lock for over %v: %w", maxLockWait, err)
			}
			return tx, err
		}
		if !noticed && l.waitNotice != nil {
			noticed = true
			l.waitNotice(fmt.Sprintf("waiting to %s: another process is writing library %s", what, quotePath(l.path)))
		}
	}
}

func isBusy(err error) bool {
	var sqliteErr sqlite3.Error
	return errors.As(err, &sqliteErr) && (sqliteErr.Code == sqlite3.ErrBusy || sqliteErr.Code == sqlite3.ErrLocked)
}
