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

// Save stores one applied (or undone) edit in one immediate transaction, writing only what
// the change touched. A change that names a stage or map the library or the workshop no longer
// holds widens to its map, then to the whole workshop, so that a save is never lost.
func (l *Library) Save(id int64, w *workshop.Workshop, ch workshop.Change) error {
	if w == nil {
		return fmt.Errorf("save workshop %d: no workshop given", id)
	}
	return l.write(fmt.Sprintf("save workshop %d", id), func(tx *sql.Tx) error {
		if ch.Scope == workshop.ScopeWorkshop {
			return rewriteWorkshop(tx, id, w)
		}
		if err := touch(tx, id); err != nil {
			return err
		}
		position, m := mapAt(w, ch.MapID)
		if m == nil {
			return rewriteWorkshop(tx, id, w)
		}
		stored, err := mapStored(tx, id, m.ID)
		if err != nil {
			return err
		}
		if !stored {
			return rewriteWorkshop(tx, id, w)
		}
		if ch.Scope == workshop.ScopeStage {
			if i := m.StageIndex(ch.StageID); i >= 0 {
				return upsertStage(tx, id, m.ID, i, m.Stages[i])
			}
		}
		return rewriteMap(tx, id, position, m)
	})
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

func mapAt(w *workshop.Workshop, mapID string) (int, *workshop.Map) {
	for i, m := range w.Maps {
		if m.ID == mapID {
			return i, m
		}
	}
	return -1, nil
}

func notFound(id int64) error {
	return fmt.Errorf("workshop id %d: %w", id, ErrNotFound)
}

// touch bumps the workshop's last change, and tells whether the workshop exists.
func touch(tx *sql.Tx, id int64) error {
	res, err := tx.Exec("UPDATE workshops SET updated_ns = ? WHERE id = ?", time.Now().UnixNano(), id)
	return checkOneRow(res, err, id)
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

func mapStored(tx *sql.Tx, id int64, mapID string) (bool, error) {
	var one int
	err := tx.QueryRow("SELECT 1 FROM maps WHERE workshop_id = ? AND map_id = ?", id, mapID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
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
		notes = ?, hours_per_day = ?, days_per_week = ?, updated_ns = ? WHERE id = ?`,
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

func rewriteMap(tx *sql.Tx, id int64, position int, m *workshop.Map) error {
	if _, err := tx.Exec("UPDATE maps SET position = ?, name = ?, state = ?, baseline = ? WHERE workshop_id = ? AND map_id = ?",
		position, m.Name, string(m.State), m.Baseline, id, m.ID); err != nil {
		return fmt.Errorf("map %q: %w", m.Name, err)
	}
	for _, table := range []string{"stages", "flows", "ideas"} {
		if _, err := tx.Exec("DELETE FROM "+table+" WHERE workshop_id = ? AND map_id = ?", id, m.ID); err != nil {
			return fmt.Errorf("map %q: clear %s: %w", m.Name, table, err)
		}
	}
	w := &mapWriter{tx: tx, workshopID: id}
	defer w.close()
	return w.children(m)
}

const insertStageSQL = `INSERT INTO stages (workshop_id, map_id, stage_id, position, name, department,
	process, wait, ca, people, notes, x, y) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// upsertStageSQL writes the one stage an autosave touched, whether it is new or edited.
const upsertStageSQL = insertStageSQL + `
	ON CONFLICT (workshop_id, map_id, stage_id) DO UPDATE SET position = excluded.position,
	name = excluded.name, department = excluded.department, process = excluded.process,
	wait = excluded.wait, ca = excluded.ca, people = excluded.people, notes = excluded.notes,
	x = excluded.x, y = excluded.y`

func stageArgs(id int64, mapID string, position int, s *workshop.Stage) []any {
	var ca any // NULL: %C&A not recorded
	if s.HasCA {
		ca = s.CA
	}
	return []any{id, mapID, s.ID, position, s.Name, s.Department, s.Process, s.Wait, ca,
		s.People, s.Notes, s.X, s.Y}
}

func upsertStage(tx *sql.Tx, id int64, mapID string, position int, s *workshop.Stage) error {
	if _, err := tx.Exec(upsertStageSQL, stageArgs(id, mapID, position, s)...); err != nil {
		return fmt.Errorf("stage %q (id %q): %w", s.Name, s.ID, err)
	}
	return nil
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
	for i, f := range m.Flows {
		stmt := w.prepare(&w.flow, `INSERT INTO flows (workshop_id, map_id, position, from_stage,
			to_stage, rework, rework_percent) VALUES (?, ?, ?, ?, ?, ?, ?)`)
		if w.prepareErr != nil {
			return w.prepareErr
		}
		if _, err := stmt.Exec(w.workshopID, m.ID, i, f.From, f.To, f.Rework, f.ReworkPercent); err != nil {
			return fmt.Errorf("map %q flow %s → %s: %w", m.Name, f.From, f.To, err)
		}
	}
	for i, idea := range m.Ideas {
		stmt := w.prepare(&w.idea, `INSERT INTO ideas (workshop_id, map_id, position, stage_id, text, owner)
			VALUES (?, ?, ?, ?, ?, ?)`)
		if w.prepareErr != nil {
			return w.prepareErr
		}
		if _, err := stmt.Exec(w.workshopID, m.ID, i, idea.Stage, idea.Text, idea.Owner); err != nil {
			return fmt.Errorf("map %q idea %d (%q): %w", m.Name, i+1, idea.Text, err)
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
		if err := w.children(m); err != nil {
			return err
		}
	}
	return nil
}
