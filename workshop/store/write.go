package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"leadline.app/leadline/workshop"
)

// Create stores a new workshop in one transaction and returns its id.
func (l *Library) Create(w *workshop.Workshop) (int64, error) {
	if w == nil {
		return 0, errors.New("create workshop: no workshop given")
	}
	var id int64
	err := l.write(fmt.Sprintf("create workshop %q", w.Name), func(tx *sql.Tx) error {
		participants, err := participantsJSON(w)
		if err != nil {
			return err
		}
		now := time.Now().UnixNano()
		res, err := tx.Exec(`INSERT INTO workshops (name, facilitator, date, participants, notes,
			hours_per_day, days_per_week, created_ns, updated_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.Name, w.Facilitator, w.Date, participants, w.Notes,
			w.Calendar.HoursPerDay, w.Calendar.DaysPerWeek, now, now)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return insertMaps(tx, id, w.Maps)
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// Replace rewrites the whole workshop in one transaction.
func (l *Library) Replace(id int64, w *workshop.Workshop) error {
	if w == nil {
		return fmt.Errorf("replace workshop %d: no workshop given", id)
	}
	return l.write(fmt.Sprintf("replace workshop %d", id), func(tx *sql.Tx) error {
		return rewriteWorkshop(tx, id, w)
	})
}

func notFound(id int64) error {
	return fmt.Errorf("workshop id %d: %w", id, ErrNotFound)
}

func checkOneRow(res sql.Result, err error, id int64) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(id)
	}
	return nil
}

func participantsJSON(w *workshop.Workshop) (string, error) {
	raw, err := json.Marshal(w.Participants)
	if err != nil {
		return "", fmt.Errorf("participants: %w", err)
	}
	return string(raw), nil
}

func rewriteWorkshop(tx *sql.Tx, id int64, w *workshop.Workshop) error {
	participants, err := participantsJSON(w)
	if err != nil {
		return err
	}
	res, err := tx.Exec(`UPDATE workshops SET name = ?, facilitator = ?, date = ?, participants = ?,
		notes = ?, hours_per_day = ?, days_per_week = ?, updated_ns = ?, revision = revision + 1 WHERE id = ?`,
		w.Name, w.Facilitator, w.Date, participants, w.Notes,
		w.Calendar.HoursPerDay, w.Calendar.DaysPerWeek, time.Now().UnixNano(), id)
	if err := checkOneRow(res, err, id); err != nil {
		return err
	}
	// Deleting the maps cascades to their stages, flows and ideas.
	if _, err := tx.Exec("DELETE FROM maps WHERE workshop_id = ?", id); err != nil {
		return err
	}
	return insertMaps(tx, id, w.Maps)
}

const insertStageSQL = `INSERT INTO stages (workshop_id, map_id, stage_id, position, name, department,
	process, wait, ca, people, notes, x, y, wait_low, wait_high, process_low, process_high)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func stageArgs(id int64, mapID string, position int, s *workshop.Stage) []any {
	var ca any // NULL: %C&A not recorded
	if s.HasCA {
		ca = s.CA
	}
	waitLow, waitHigh := rangeArgs(s.WaitRange)
	processLow, processHigh := rangeArgs(s.ProcessRange)
	return []any{id, mapID, s.ID, position, s.Name, s.Department, s.Process, s.Wait, ca,
		s.People, s.Notes, s.X, s.Y, waitLow, waitHigh, processLow, processHigh}
}

// rangeArgs writes NULL for no range.
func rangeArgs(r workshop.Range) (low, high any) {
	if !r.IsSet() {
		return nil, nil
	}
	return r.Low, r.High
}

// mapWriter inserts maps and their children with statements prepared once per transaction,
// so that a 5,000-stage import does not parse the same SQL 5,000 times.
type mapWriter struct {
	tx                *sql.Tx
	workshopID        int64
	stage, flow, idea *sql.Stmt
	prepareErr        error
}

func (w *mapWriter) prepare(stmt **sql.Stmt, query string) *sql.Stmt {
	if *stmt == nil && w.prepareErr == nil {
		*stmt, w.prepareErr = w.tx.Prepare(query)
	}
	return *stmt
}

func (w *mapWriter) close() {
	for _, stmt := range []*sql.Stmt{w.stage, w.flow, w.idea} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

func (w *mapWriter) children(m *workshop.Map) error {
	for i, s := range m.Stages {
		if s == nil {
			return fmt.Errorf("map %q stage %d is missing", m.Name, i+1)
		}
		// A plain insert, so that a stage id used twice is an error rather than a merge.
		stmt := w.prepare(&w.stage, insertStageSQL)
		if w.prepareErr != nil {
			return w.prepareErr
		}
		if _, err := stmt.Exec(stageArgs(w.workshopID, m.ID, i, s)...); err != nil {
			return fmt.Errorf("map %q stage %q (id %q): %w", m.Name, s.Name, s.ID, err)
		}
	}
	if err := w.flows(m.ID, m.Name, m.Flows); err != nil {
		return err
	}
	return w.ideas(m.ID, m.Name, m.Ideas)
}

func (w *mapWriter) flows(mapID, mapName string, flows []workshop.Flow) error {
	for i, f := range flows {
		stmt := w.prepare(&w.flow, `INSERT INTO flows (workshop_id, map_id, position, from_stage,
			to_stage, rework, rework_percent) VALUES (?, ?, ?, ?, ?, ?, ?)`)
		if w.prepareErr != nil {
			return w.prepareErr
		}
		if _, err := stmt.Exec(w.workshopID, mapID, i, f.From, f.To, f.Rework, f.ReworkPercent); err != nil {
			return fmt.Errorf("map %q flow %s to %s: %w", mapName, f.From, f.To, err)
		}
	}
	return nil
}

func (w *mapWriter) ideas(mapID, mapName string, ideas []workshop.Idea) error {
	for i, idea := range ideas {
		stmt := w.prepare(&w.idea, `INSERT INTO ideas (workshop_id, map_id, position, stage_id, text, owner)
			VALUES (?, ?, ?, ?, ?, ?)`)
		if w.prepareErr != nil {
			return w.prepareErr
		}
		if _, err := stmt.Exec(w.workshopID, mapID, i, idea.Stage, idea.Text, idea.Owner); err != nil {
			return fmt.Errorf("map %q idea %d (%q): %w", mapName, i+1, idea.Text, err)
		}
	}
	return nil
}

func insertMaps(tx *sql.Tx, id int64, maps []*workshop.Map) error {
	w := &mapWriter{tx: tx, workshopID: id}
	defer w.close()
	for i, m := range maps {
		if m == nil {
			return fmt.Errorf("map %d is missing", i+1)
		}
		if _, err := tx.Exec("INSERT INTO maps (workshop_id, map_id, position, name, state, baseline) VALUES (?, ?, ?, ?, ?, ?)",
			id, m.ID, i, m.Name, string(m.State), m.Baseline); err != nil {
			return fmt.Errorf("map %q (id %q): %w", m.Name, m.ID, err)
		}
		if err := writeObserved(tx, id, m.ID, m.Name, m.Observed); err != nil {
			return err
		}
		if err := w.children(m); err != nil {
			return err
		}
	}
	return nil
}
