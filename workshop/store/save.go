package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"leadline.app/leadline/workshop"
)

// ErrStale says that the workshop changed in the library after the revision an edit was based
// on: another window or `leadline edit` wrote it. The edit session reloads and replays.
var ErrStale = errors.New("the workshop was changed elsewhere since it was loaded")

// Save stores one applied (or undone) edit in one immediate transaction, writing exactly the
// rows the change names. base is the revision the edit was made on; if the workshop has moved
// on since, nothing is written and the error wraps ErrStale. It returns the new revision.
func (l *Library) Save(id, base int64, rows *workshop.Rows) (int64, error) {
	if rows == nil {
		return 0, fmt.Errorf("save workshop %d: no rows given", id)
	}
	var revision int64
	err := l.write(fmt.Sprintf("save workshop %d", id), func(tx *sql.Tx) error {
		var err error
		if revision, err = bumpRevision(tx, id, base); err != nil {
			return err
		}
		return saveRows(tx, id, rows)
	})
	return revision, err
}

// SaveReplayed is the way out of a stale save that no other writer can beat: inside one
// immediate transaction it loads the workshop as stored, lets replay apply the caller's unsaved
// edits to that copy and name the rows they touched, and saves those rows. It returns the copy
// and its new revision.
func (l *Library) SaveReplayed(id int64, replay func(fresh *workshop.Workshop, revision int64) (*workshop.Rows, error)) (*workshop.Workshop, int64, error) {
	var fresh *workshop.Workshop
	var revision int64
	err := l.write(fmt.Sprintf("save workshop %d", id), func(tx *sql.Tx) error {
		var err error
		var base int64
		if fresh, base, err = loadWorkshop(tx, id); err != nil {
			return err
		}
		rows, err := replay(fresh, base)
		if err != nil {
			return err
		}
		if revision, err = bumpRevision(tx, id, base); err != nil {
			return err
		}
		return saveRows(tx, id, rows)
	})
	return fresh, revision, err
}

// bumpRevision checks that the workshop is still at base and moves it to base+1. The
// transaction is immediate, so no other writer can slip in between the check and the write.
func bumpRevision(tx *sql.Tx, id, base int64) (int64, error) {
	var stored int64
	err := tx.QueryRow("SELECT revision FROM workshops WHERE id = ?", id).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound(id)
	}
	if err != nil {
		return 0, err
	}
	if stored != base {
		return 0, fmt.Errorf("revision %d, not %d: %w", stored, base, ErrStale)
	}
	_, err = tx.Exec("UPDATE workshops SET revision = ?, updated_ns = ? WHERE id = ?", base+1, time.Now().UnixNano(), id)
	return base + 1, err
}

func saveRows(tx *sql.Tx, id int64, rows *workshop.Rows) error {
	ch := rows.Change
	if ch.Workshop {
		if err := saveWorkshopFields(tx, id, rows.Fields); err != nil {
			return err
		}
	}
	if ch.MapList {
		if err := saveMapList(tx, id, rows.Maps); err != nil {
			return err
		}
	}
	for _, mc := range ch.Maps {
		mr := rows.Map(mc.MapID)
		if mr == nil {
			continue // removed later in the same batch; the map list took it out
		}
		if err := saveMapRows(tx, id, mc, mr); err != nil {
			return fmt.Errorf("map %q: %w", mr.Name, err)
		}
	}
	return nil
}

func saveWorkshopFields(tx *sql.Tx, id int64, f workshop.WorkshopFields) error {
	participants, err := participantsJSON(&workshop.Workshop{Participants: f.Participants})
	if err != nil {
		return err
	}
	_, err = tx.Exec(`UPDATE workshops SET name = ?, facilitator = ?, date = ?, participants = ?,
		notes = ?, hours_per_day = ?, days_per_week = ? WHERE id = ?`,
		f.Name, f.Facilitator, f.Date, participants, f.Notes, f.Calendar.HoursPerDay, f.Calendar.DaysPerWeek, id)
	return err
}

// saveMapList makes the stored maps the ones listed, in that order. A map new to the library
// gets its heading here; its rows come with the map's own part of the change.
func saveMapList(tx *sql.Tx, id int64, maps []workshop.MapRows) error {
	stored, err := storedMapIDs(tx, id)
	if err != nil {
		return err
	}
	listed := make(map[string]bool, len(maps))
	for i, m := range maps {
		listed[m.ID] = true
		if stored[m.ID] {
			if _, err := tx.Exec("UPDATE maps SET position = ? WHERE workshop_id = ? AND map_id = ?", i, id, m.ID); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.Exec("INSERT INTO maps (workshop_id, map_id, position, name, state, baseline) VALUES (?, ?, ?, ?, ?, ?)",
			id, m.ID, i, m.Name, string(m.State), m.Baseline); err != nil {
			return fmt.Errorf("map %q (id %q): %w", m.Name, m.ID, err)
		}
		if err := writeObserved(tx, id, m.ID, m.Name, m.Observed); err != nil {
			return err
		}
	}
	for mapID := range stored {
		if !listed[mapID] { // cascades to its stages, flows and ideas
			if _, err := tx.Exec("DELETE FROM maps WHERE workshop_id = ? AND map_id = ?", id, mapID); err != nil {
				return err
			}
		}
	}
	return nil
}

func storedMapIDs(tx *sql.Tx, id int64) (map[string]bool, error) {
	rows, err := tx.Query("SELECT map_id FROM maps WHERE workshop_id = ?", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[string]bool{}
	for rows.Next() {
		var mapID string
		if err := rows.Scan(&mapID); err != nil {
			return nil, err
		}
		ids[mapID] = true
	}
	return ids, rows.Err()
}

func saveMapRows(tx *sql.Tx, id int64, mc workshop.MapChange, mr *workshop.MapRows) error {
	if mc.Fields {
		if _, err := tx.Exec("UPDATE maps SET name = ?, state = ?, baseline = ? WHERE workshop_id = ? AND map_id = ?",
			mr.Name, string(mr.State), mr.Baseline, id, mr.ID); err != nil {
			return err
		}
	}
	if len(mc.Stages) > 0 {
		if err := saveStages(tx, id, mc.Stages, mr); err != nil {
			return err
		}
	}
	w := &mapWriter{tx: tx, workshopID: id}
	defer w.close()
	if mc.Flows {
		if _, err := tx.Exec("DELETE FROM flows WHERE workshop_id = ? AND map_id = ?", id, mr.ID); err != nil {
			return err
		}
		if err := w.flows(mr.ID, mr.Name, mr.Flows); err != nil {
			return err
		}
	}
	if mc.Ideas {
		if _, err := tx.Exec("DELETE FROM ideas WHERE workshop_id = ? AND map_id = ?", id, mr.ID); err != nil {
			return err
		}
		if err := w.ideas(mr.ID, mr.Name, mr.Ideas); err != nil {
			return err
		}
	}
	return nil
}

const updateStageSQL = `UPDATE stages SET position = ?, name = ?, department = ?, process = ?,
	wait = ?, ca = ?, people = ?, notes = ?, x = ?, y = ?, wait_low = ?, wait_high = ?, process_low = ?,
	process_high = ? WHERE workshop_id = ? AND map_id = ? AND stage_id = ?`

// saveStages writes the changed stages: an update for one that is stored, an insert for a new
// one, a delete for one no longer on the map. Only when the set of stages changed are the other
// stages' positions (their order on the map) brought in line.
func saveStages(tx *sql.Tx, id int64, changed []string, mr *workshop.MapRows) error {
	index := make(map[string]int, len(mr.Order))
	for i, stageID := range mr.Order {
		index[stageID] = i
	}
	reordered := false
	for _, stageID := range changed {
		s := mr.Stages[stageID]
		if s == nil {
			if _, err := tx.Exec("DELETE FROM stages WHERE workshop_id = ? AND map_id = ? AND stage_id = ?", id, mr.ID, stageID); err != nil {
				return err
			}
			reordered = true
			continue
		}
		args := stageArgs(id, mr.ID, index[stageID], s)
		res, err := tx.Exec(updateStageSQL, append(args[3:], id, mr.ID, s.ID)...)
		if err != nil {
			return fmt.Errorf("stage %q (id %q): %w", s.Name, s.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			if err != nil {
				return err
			}
			continue
		}
		if _, err := tx.Exec(insertStageSQL, args...); err != nil {
			return fmt.Errorf("stage %q (id %q): %w", s.Name, s.ID, err)
		}
		reordered = true
	}
	if !reordered {
		return nil
	}
	return alignStagePositions(tx, id, mr.ID, index)
}

// alignStagePositions renumbers the stored stages of a map that an insert or delete shifted.
func alignStagePositions(tx *sql.Tx, id int64, mapID string, index map[string]int) error {
	rows, err := tx.QueryContext(context.Background(), "SELECT stage_id, position FROM stages WHERE workshop_id = ? AND map_id = ?", id, mapID)
	if err != nil {
		return err
	}
	type move struct {
		stageID  string
		position int
	}
	var moves []move
	for rows.Next() {
		var stageID string
		var position int
		if err := rows.Scan(&stageID, &position); err != nil {
			rows.Close()
			return err
		}
		if want, ok := index[stageID]; ok && want != position {
			moves = append(moves, move{stageID, want})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, m := range moves {
		if _, err := tx.Exec("UPDATE stages SET position = ? WHERE workshop_id = ? AND map_id = ? AND stage_id = ?", m.position, id, mapID, m.stageID); err != nil {
			return err
		}
	}
	return nil
}
