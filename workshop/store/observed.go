package store

import (
	"context"
	"database/sql"
	"fmt"

	"leadline.app/leadline/workshop"
)

// The observed lead time of a measured map sits in its own table, one row per map that has
// one: hand-drawn maps, the most, carry no empty columns, and deleting a map cascades to it.

// writeObserved replaces a map's observed row with what the model holds.
func writeObserved(tx *sql.Tx, id int64, mapID, mapName string, o *workshop.Observed) error {
	if _, err := tx.Exec("DELETE FROM observed WHERE workshop_id = ? AND map_id = ?", id, mapID); err != nil {
		return fmt.Errorf("map %q: clear observed lead time: %w", mapName, err)
	}
	if o == nil {
		return nil
	}
	if _, err := tx.Exec("INSERT INTO observed (workshop_id, map_id, items, p50, p85, p95) VALUES (?, ?, ?, ?, ?, ?)",
		id, mapID, o.Items, o.P50, o.P85, o.P95); err != nil {
		return fmt.Errorf("map %q: observed lead time: %w", mapName, err)
	}
	return nil
}

func loadObserved(conn querier, id int64, byID map[string]*workshop.Map) error {
	rows, err := conn.QueryContext(context.Background(),
		"SELECT map_id, items, p50, p85, p95 FROM observed WHERE workshop_id = ?", id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var mapID string
		var o workshop.Observed
		if err := rows.Scan(&mapID, &o.Items, &o.P50, &o.P85, &o.P95); err != nil {
			return err
		}
		if m := byID[mapID]; m != nil {
			m.Observed = &o
		}
	}
	return rows.Err()
}
