package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Delete removes a workshop with all its maps.
func (l *Library) Delete(id int64) error {
	return l.write(fmt.Sprintf("delete workshop %d", id), func(tx *sql.Tx) error {
		res, err := tx.Exec("DELETE FROM workshops WHERE id = ?", id)
		return checkOneRow(res, err, id)
	})
}

// Rename changes a workshop's name.
func (l *Library) Rename(id int64, name string) error {
	what := fmt.Sprintf("rename workshop %d to %q", id, name)
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("%s: the name must not be empty", what)
	}
	return l.write(what, func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE workshops SET name = ?, updated_ns = ?, revision = revision + 1 WHERE id = ?",
			name, time.Now().UnixNano(), id)
		return checkOneRow(res, err, id)
	})
}

// Duplicate copies a workshop with all its maps under newName ("<name> (copy)" if empty) and
// returns the copy's id. The copy is the most recently changed workshop.
func (l *Library) Duplicate(id int64, newName string) (int64, error) {
	var copyID int64
	err := l.write(fmt.Sprintf("duplicate workshop %d", id), func(tx *sql.Tx) error {
		now := time.Now().UnixNano()
		res, err := tx.Exec(`INSERT INTO workshops (name, facilitator, date, participants, notes,
			hours_per_day, days_per_week, created_ns, updated_ns)
			SELECT CASE WHEN ? = '' THEN name || ' (copy)' ELSE ? END, facilitator, date,
			participants, notes, hours_per_day, days_per_week, ?, ? FROM workshops WHERE id = ?`,
			newName, newName, now, now, id)
		if err := checkOneRow(res, err, id); err != nil {
			return err
		}
		if copyID, err = res.LastInsertId(); err != nil {
			return err
		}
		for _, copySQL := range []string{
			`INSERT INTO maps (workshop_id, map_id, position, name, state, baseline)
			SELECT ?, map_id, position, name, state, baseline FROM maps WHERE workshop_id = ?`,
			`INSERT INTO stages (workshop_id, map_id, stage_id, position, name, department, process,
			wait, ca, people, notes, x, y, wait_low, wait_high, process_low, process_high)
			SELECT ?, map_id, stage_id, position, name, department, process, wait, ca, people, notes,
			x, y, wait_low, wait_high, process_low, process_high FROM stages WHERE workshop_id = ?`,
			`INSERT INTO flows (workshop_id, map_id, position, from_stage, to_stage, rework, rework_percent)
			SELECT ?, map_id, position, from_stage, to_stage, rework, rework_percent FROM flows WHERE workshop_id = ?`,
			`INSERT INTO ideas (workshop_id, map_id, position, stage_id, text, owner)
			SELECT ?, map_id, position, stage_id, text, owner FROM ideas WHERE workshop_id = ?`,
			`INSERT INTO observed (workshop_id, map_id, items, p50, p85, p95)
			SELECT ?, map_id, items, p50, p85, p95 FROM observed WHERE workshop_id = ?`,
		} {
			if _, err := tx.Exec(copySQL, copyID, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return copyID, nil
}

const lastOpenedKey = "last_opened"

// SetLastOpened remembers the workshop the app showed last, to reopen it on the next start.
func (l *Library) SetLastOpened(id int64) error {
	return l.SetSetting(lastOpenedKey, strconv.FormatInt(id, 10))
}

// LastOpened returns the workshop SetLastOpened remembered, or 0 if none was or it has since
// been deleted.
func (l *Library) LastOpened() (int64, error) {
	var id int64
	err := l.read("find the workshop last opened", func(conn *sql.Conn) error {
		ctx := context.Background()
		var value string
		err := conn.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", lastOpenedKey).Scan(&value)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		remembered, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			return nil // an unreadable setting is as good as none
		}
		var exists int
		err = conn.QueryRowContext(ctx, "SELECT count(*) FROM workshops WHERE id = ?", remembered).Scan(&exists)
		if err != nil {
			return err
		}
		if exists > 0 {
			id = remembered
		}
		return nil
	})
	return id, err
}
