package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Settings the app keeps in the library rather than in Fyne's preferences file: a killed app
// once left that file empty, while the library is written in transactions a crash cannot tear.
// Keys name what they hold, e.g. "window.size" or "room.ownWindow".

// SetSetting stores one setting.
func (l *Library) SetSetting(key, value string) error {
	return l.write(fmt.Sprintf("remember setting %q", key), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// Setting returns a stored setting, and whether there is one.
func (l *Library) Setting(key string) (string, bool, error) {
	var value string
	found := false
	err := l.read(fmt.Sprintf("read setting %q", key), func(conn *sql.Conn) error {
		err := conn.QueryRowContext(context.Background(), "SELECT value FROM settings WHERE key = ?", key).Scan(&value)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		found = err == nil
		return err
	})
	return value, found, err
}
