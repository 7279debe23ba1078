package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"leadline.app/leadline/workshop"
)

// List returns every workshop of the library, the most recently changed first.
func (l *Library) List() ([]Summary, error) {
	var list []Summary
	err := l.read("list workshops", func(conn *sql.Conn) error {
		rows, err := conn.QueryContext(context.Background(), `SELECT w.id, w.name,
			(SELECT count(*) FROM maps m WHERE m.workshop_id = w.id), w.updated_ns
			FROM workshops w ORDER BY w.updated_ns DESC, w.id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s Summary
			var updated int64
			if err := rows.Scan(&s.ID, &s.Name, &s.Maps, &updated); err != nil {
				return err
			}
			s.Updated = time.Unix(0, updated)
			list = append(list, s)
		}
		return rows.Err()
	})
	return list, err
}

// querier is what loading needs: a connection in a read transaction, or a write transaction
// that loads the stored copy before replaying edits on it.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Load reads one workshop, from one consistent snapshot of the file.
func (l *Library) Load(id int64) (*workshop.Workshop, error) {
	w, _, err := l.LoadRevision(id)
	return w, err
}

// LoadRevision reads one workshop and the revision it is at, from one consistent snapshot: an
// edit made on this copy is saved against that revision.
func (l *Library) LoadRevision(id int64) (*workshop.Workshop, int64, error) {
	var w *workshop.Workshop
	var revision int64
	err := l.read(fmt.Sprintf("load workshop %d", id), func(conn *sql.Conn) error {
		var err error
		w, revision, err = loadWorkshop(conn, id)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return w, revision, nil
}

func loadWorkshop(conn querier, id int64) (*workshop.Workshop, int64, error) {
	ctx := context.Background()
	w := &workshop.Workshop{}
	var participants string
	var revision int64
	err := conn.QueryRowContext(ctx, `SELECT name, facilitator, date, participants, notes,
		hours_per_day, days_per_week, revision FROM workshops WHERE id = ?`, id).Scan(
		&w.Name, &w.Facilitator, &w.Date, &participants, &w.Notes,
		&w.Calendar.HoursPerDay, &w.Calendar.DaysPerWeek, &revision)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, notFound(id)
	}
	if err != nil {
		return nil, 0, err
	}
	if err := json.Unmarshal([]byte(participants), &w.Participants); err != nil {
		return nil, 0, fmt.Errorf("workshop %q participants %q: %w", w.Name, participants, err)
	}
	if w.Maps, err = loadMaps(conn, id); err != nil {
		return nil, 0, fmt.Errorf("workshop %q: %w", w.Name, err)
	}
	return w, revision, nil
}

func loadMaps(conn querier, id int64) ([]*workshop.Map, error) {
	ctx := context.Background()
	rows, err := conn.QueryContext(ctx, `SELECT map_id, name, state, baseline FROM maps
		WHERE workshop_id = ? ORDER BY position, map_id`, id)
	if err != nil {
		return nil, err
	}
	var maps []*workshop.Map
	byID := map[string]*workshop.Map{}
	for rows.Next() {
		m := &workshop.Map{}
		var state string
		if err := rows.Scan(&m.ID, &m.Name, &state, &m.Baseline); err != nil {
			rows.Close()
			return nil, err
		}
		m.State = workshop.State(state)
		maps = append(maps, m)
		byID[m.ID] = m
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// One query per table for all maps: rows arrive grouped by map, in map order.
	if err := loadStages(conn, id, byID); err != nil {
		return nil, err
	}
	if err := loadFlows(conn, id, byID); err != nil {
		return nil, err
	}
	if err := loadIdeas(conn, id, byID); err != nil {
		return nil, err
	}
	if err := loadObserved(conn, id, byID); err != nil {
		return nil, err
	}
	return maps, nil
}

func loadStages(conn querier, id int64, byID map[string]*workshop.Map) error {
	rows, err := conn.QueryContext(context.Background(), `SELECT map_id, stage_id, name, department,
		process, wait, ca, people, notes, x, y, wait_low, wait_high, process_low, process_high
		FROM stages WHERE workshop_id = ?
		ORDER BY map_id, position, stage_id`, id)
	if err != nil {
		return fmt.Errorf("stages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var mapID string
		var ca, waitLow, waitHigh, processLow, processHigh sql.NullFloat64
		s := &workshop.Stage{}
		if err := rows.Scan(&mapID, &s.ID, &s.Name, &s.Department, &s.Process, &s.Wait, &ca,
			&s.People, &s.Notes, &s.X, &s.Y, &waitLow, &waitHigh, &processLow, &processHigh); err != nil {
			return fmt.Errorf("stages: %w", err)
		}
		s.CA, s.HasCA = ca.Float64, ca.Valid
		s.WaitRange = rangeFrom(waitLow, waitHigh)
		s.ProcessRange = rangeFrom(processLow, processHigh)
		if m := byID[mapID]; m != nil {
			m.Stages = append(m.Stages, s)
		}
	}
	return rows.Err()
}

func loadFlows(conn querier, id int64, byID map[string]*workshop.Map) error {
	rows, err := conn.QueryContext(context.Background(), `SELECT map_id, from_stage, to_stage, rework,
		rework_percent FROM flows WHERE workshop_id = ? ORDER BY map_id, position`, id)
	if err != nil {
		return fmt.Errorf("flows: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var mapID string
		var f workshop.Flow
		if err := rows.Scan(&mapID, &f.From, &f.To, &f.Rework, &f.ReworkPercent); err != nil {
			return fmt.Errorf("flows: %w", err)
		}
		if m := byID[mapID]; m != nil {
			m.Flows = append(m.Flows, f)
		}
	}
	return rows.Err()
}

func loadIdeas(conn querier, id int64, byID map[string]*workshop.Map) error {
	rows, err := conn.QueryContext(context.Background(), `SELECT map_id, stage_id, text, owner
		FROM ideas WHERE workshop_id = ? ORDER BY map_id, position`, id)
	if err != nil {
		return fmt.Errorf("ideas: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var mapID string
		var idea workshop.Idea
		if err := rows.Scan(&mapID, &idea.Stage, &idea.Text, &idea.Owner); err != nil {
			return fmt.Errorf("ideas: %w", err)
		}
		if m := byID[mapID]; m != nil {
			m.Ideas = append(m.Ideas, idea)
		}
	}
	return rows.Err()
}

// Revision returns the workshop's revision, which every write moves on. It is one indexed row,
// cheap enough for the app to poll every second for edits made by another process.
func (l *Library) Revision(id int64) (int64, error) {
	var revision int64
	err := l.read("read workshop revision", func(conn *sql.Conn) error {
		err := conn.QueryRowContext(context.Background(), "SELECT revision FROM workshops WHERE id = ?", id).Scan(&revision)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(id)
		}
		return err
	})
	return revision, err
}

// Updated returns when the workshop last changed, by this process or another one: the app
// compares it with its own last save to notice edits made elsewhere.
func (l *Library) Updated(id int64) (time.Time, error) {
	var updated int64
	err := l.read("read workshop change time", func(conn *sql.Conn) error {
		err := conn.QueryRowContext(context.Background(), "SELECT updated_ns FROM workshops WHERE id = ?", id).Scan(&updated)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("workshop %d: %w", id, ErrNotFound)
		}
		return err
	})
	return time.Unix(0, updated), err
}

// rangeFrom reads a stage's range columns; NULL is no range.
func rangeFrom(low, high sql.NullFloat64) workshop.Range {
	if !low.Valid || !high.Valid {
		return workshop.Range{}
	}
	return workshop.Range{Low: low.Float64, High: high.Float64}
}
