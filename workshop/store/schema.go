package store

import (
	"database/sql"
	"fmt"
)

// applicationID is written into the SQLite header (PRAGMA application_id) so that a Leadline
// library can be told from any other SQLite file by reading 100 bytes, before SQLite opens it.
// The bytes spell "LDLN".
const applicationID = 0x4C444C4E

// CurrentVersion is the schema version this build writes. A library with a higher
// PRAGMA user_version comes from a newer Leadline and is refused.
const CurrentVersion = 5

// signatureTables must all exist in a Leadline library of any version; with the application id
// and library_info's application row they tell our files from other SQLite databases.
var signatureTables = []string{"library_info", "workshops", "maps", "stages", "flows", "ideas"}

// migrations[v] turns a version-v library into version v+1. Each runs in one transaction
// together with its user_version bump, so a crash leaves the file at v or at v+1.
// Old steps are never edited: a v1 file in the wild was made by exactly migrations[0].
var migrations = []string{
	// v1: the first schema. Times are Unix nanoseconds; participants are a JSON array.
	// Children are keyed by (workshop, map, …) so that deleting a workshop or a map cascades.
	0: `
PRAGMA application_id = 1279544398;
CREATE TABLE library_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO library_info (key, value) VALUES ('application', 'leadline');
CREATE TABLE workshops (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	facilitator   TEXT NOT NULL,
	date          TEXT NOT NULL,
	participants  TEXT NOT NULL,
	notes         TEXT NOT NULL,
	hours_per_day REAL NOT NULL,
	days_per_week REAL NOT NULL,
	created_ns    INTEGER NOT NULL,
	updated_ns    INTEGER NOT NULL
);
CREATE INDEX workshops_by_update ON workshops (updated_ns DESC);
CREATE TABLE maps (
	workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	map_id      TEXT NOT NULL,
	position    INTEGER NOT NULL,
	name        TEXT NOT NULL,
	state       TEXT NOT NULL,
	baseline    TEXT NOT NULL,
	PRIMARY KEY (workshop_id, map_id)
) WITHOUT ROWID;
CREATE TABLE stages (
	workshop_id INTEGER NOT NULL,
	map_id      TEXT NOT NULL,
	stage_id    TEXT NOT NULL,
	position    INTEGER NOT NULL,
	name        TEXT NOT NULL,
	department  TEXT NOT NULL,
	process     REAL NOT NULL,
	wait        REAL NOT NULL,
	ca          REAL,
	people      INTEGER NOT NULL,
	notes       TEXT NOT NULL,
	x           REAL NOT NULL,
	y           REAL NOT NULL,
	PRIMARY KEY (workshop_id, map_id, stage_id),
	FOREIGN KEY (workshop_id, map_id) REFERENCES maps (workshop_id, map_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE flows (
	workshop_id    INTEGER NOT NULL,
	map_id         TEXT NOT NULL,
	position       INTEGER NOT NULL,
	from_stage     TEXT NOT NULL,
	to_stage       TEXT NOT NULL,
	rework         INTEGER NOT NULL,
	rework_percent REAL NOT NULL,
	PRIMARY KEY (workshop_id, map_id, position),
	FOREIGN KEY (workshop_id, map_id) REFERENCES maps (workshop_id, map_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE ideas (
	workshop_id INTEGER NOT NULL,
	map_id      TEXT NOT NULL,
	position    INTEGER NOT NULL,
	stage_id    TEXT NOT NULL,
	text        TEXT NOT NULL,
	PRIMARY KEY (workshop_id, map_id, position),
	FOREIGN KEY (workshop_id, map_id) REFERENCES maps (workshop_id, map_id) ON DELETE CASCADE
) WITHOUT ROWID;
`,
	// v2: ideas get an owner (who follows the improvement up), and the library remembers
	// settings such as the workshop last opened.
	1: `
ALTER TABLE ideas ADD COLUMN owner TEXT NOT NULL DEFAULT '';
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
	// v3: every write of a workshop bumps its revision. A save names the revision it was based
	// on, so that a second writer (another window, leadline edit) is noticed and replayed on
	// rather than overwritten.
	2: `
ALTER TABLE workshops ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
`,
	// v4: a stage may carry low and high estimates around its wait and process time, for the
	// forecast. NULL: no range, the time is certain.
	3: `
ALTER TABLE stages ADD COLUMN wait_low REAL;
ALTER TABLE stages ADD COLUMN wait_high REAL;
ALTER TABLE stages ADD COLUMN process_low REAL;
ALTER TABLE stages ADD COLUMN process_high REAL;
`,
	// v5: a map measured from an event log keeps the lead time observed over its completed
	// items (count and percentiles in minutes), so the app can set it beside the model's.
	4: `
CREATE TABLE observed (
	workshop_id INTEGER NOT NULL,
	map_id      TEXT NOT NULL,
	items       INTEGER NOT NULL,
	p50         REAL NOT NULL,
	p85         REAL NOT NULL,
	p95         REAL NOT NULL,
	PRIMARY KEY (workshop_id, map_id),
	FOREIGN KEY (workshop_id, map_id) REFERENCES maps (workshop_id, map_id) ON DELETE CASCADE
) WITHOUT ROWID;
`,
}

// migrate brings the library up to CurrentVersion and returns the version it ends at. The
// version is read again inside each migration's immediate transaction, so that two processes
// opening an old library at once migrate it once.
func migrate(db *sql.DB, path string) (int, error) {
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, fmt.Errorf("open library %s: read schema version: %w", quotePath(path), err)
	}
	if err := checkVersion(path, version); err != nil {
		return 0, err
	}
	for version < CurrentVersion {
		next, err := migrateOnce(db, path)
		if err != nil {
			return 0, err
		}
		version = next
	}
	if version > CurrentVersion {
		return 0, newerVersion(path, version)
	}
	return version, nil
}

// checkVersion refuses a schema version this build cannot migrate from: a newer one, or one
// below zero, which no Leadline ever wrote.
func checkVersion(path string, version int) error {
	switch {
	case version < 0:
		return refuse(path, ErrCorrupt, "is not a Leadline library: its schema version is %d", version)
	case version > CurrentVersion:
		return newerVersion(path, version)
	}
	return nil
}

func newerVersion(path string, version int) error {
	return refuse(path, ErrNewerVersion,
		"was written by a newer version of Leadline (schema version %d; this version reads up to %d); update Leadline to open it",
		version, CurrentVersion)
}

// migrateOnce applies the one migration due, if any, and returns the version reached.
func migrateOnce(db *sql.DB, path string) (int, error) {
	tx, err := db.Begin()
	if err != nil {
		return 0, fmt.Errorf("open library %s: begin migration: %w", quotePath(path), err)
	}
	defer func() { _ = tx.Rollback() }()
	var version int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, fmt.Errorf("open library %s: read schema version: %w", quotePath(path), err)
	}
	if version >= CurrentVersion {
		return version, nil // another process got there first, or the file is newer
	}
	if err := checkVersion(path, version); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(migrations[version]); err != nil {
		return 0, fmt.Errorf("open library %s: migrate schema v%d to v%d: %w", quotePath(path), version, version+1, err)
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", version+1)); err != nil {
		return 0, fmt.Errorf("open library %s: set schema version %d: %w", quotePath(path), version+1, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("open library %s: commit migration to v%d: %w", quotePath(path), version+1, err)
	}
	return version + 1, nil
}
