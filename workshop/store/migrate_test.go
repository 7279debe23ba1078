package store_test

import (
	"path/filepath"
	"testing"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/store"
)

// schemaV1 is the first released schema, frozen here as raw SQL, independent of the store's
// own migration code: a v1 file in the wild looks exactly like this.
const schemaV1 = `
PRAGMA application_id = 1279544398;
CREATE TABLE library_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO library_info (key, value) VALUES ('application', 'leadline');
CREATE TABLE workshops (id INTEGER PRIMARY KEY, name TEXT NOT NULL, facilitator TEXT NOT NULL,
	date TEXT NOT NULL, participants TEXT NOT NULL, notes TEXT NOT NULL, hours_per_day REAL NOT NULL,
	days_per_week REAL NOT NULL, created_ns INTEGER NOT NULL, updated_ns INTEGER NOT NULL);
CREATE INDEX workshops_by_update ON workshops (updated_ns DESC);
CREATE TABLE maps (workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
	map_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, state TEXT NOT NULL,
	baseline TEXT NOT NULL, PRIMARY KEY (workshop_id, map_id)) WITHOUT ROWID;
CREATE TABLE stages (workshop_id INTEGER NOT NULL, map_id TEXT NOT NULL, stage_id TEXT NOT NULL,
	position INTEGER NOT NULL, name TEXT NOT NULL, department TEXT NOT NULL, process REAL NOT NULL,
	wait REAL NOT NULL, ca REAL, people INTEGER NOT NULL, notes TEXT NOT NULL, x REAL NOT NULL,
	y REAL NOT NULL, PRIMARY KEY (workshop_id, map_id, stage_id),
	FOREIGN KEY (workshop_id, map_id) REFERENCES maps (workshop_id, map_id) ON DELETE CASCADE) WITHOUT ROWID;
CREATE TABLE flows (workshop_id INTEGER NOT NULL, map_id TEXT NOT NULL, position INTEGER NOT NULL,
	from_stage TEXT NOT NULL, to_stage TEXT NOT NULL, rework INTEGER NOT NULL, rework_percent REAL NOT NULL,
	PRIMARY KEY (workshop_id, map_id, position),
	FOREIGN KEY (workshop_id, map_id) REFERENCES maps (workshop_id, map_id) ON DELETE CASCADE) WITHOUT ROWID;
CREATE TABLE ideas (workshop_id INTEGER NOT NULL, map_id TEXT NOT NULL, position INTEGER NOT NULL,
	stage_id TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (workshop_id, map_id, position),
	FOREIGN KEY (workshop_id, map_id) REFERENCES maps (workshop_id, map_id) ON DELETE CASCADE) WITHOUT ROWID;

INSERT INTO workshops VALUES (7, 'Hotfix — v1', 'Kim', '2024-11-02', '["Ана","Bo"]', 'old notes',
	8, 5, 1700000000000000000, 1700000000000000000);
INSERT INTO maps VALUES (7, 'm1', 0, 'Hotfix', 'current', '');
INSERT INTO maps VALUES (7, 'm2', 1, 'Hotfix (future)', 'future', 'Hotfix');
INSERT INTO stages VALUES (7, 'm1', 'b', 1, 'Fix', 'Development', 120, 30, NULL, 1, '', 200, 0);
INSERT INTO stages VALUES (7, 'm1', 'a', 0, 'Ticket 🎫', 'Support', 10, 60, 90, 2, 'triage', 0, 0);
INSERT INTO flows VALUES (7, 'm1', 0, 'a', 'b', 0, 0);
INSERT INTO ideas VALUES (7, 'm2', 0, '', 'Self-service status page');
PRAGMA user_version = 1;
`

func TestMigrateFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db := rawDB(t, path)
	if _, err := db.Exec(schemaV1); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	lib := openLibrary(t, path)
	if lib.Version() != store.CurrentVersion || lib.IsNew() {
		t.Fatalf("after migration: Version() = %d, IsNew() = %v; want %d, false", lib.Version(), lib.IsNew(), store.CurrentVersion)
	}
	got, err := lib.Load(7)
	if err != nil {
		t.Fatal(err)
	}
	want := &workshop.Workshop{Name: "Hotfix — v1", Facilitator: "Kim", Date: "2024-11-02",
		Participants: []string{"Ана", "Bo"}, Notes: "old notes", Calendar: workshop.DefaultCalendar,
		Maps: []*workshop.Map{
			{ID: "m1", Name: "Hotfix", State: workshop.Current, Stages: []*workshop.Stage{
				{ID: "a", Name: "Ticket 🎫", Department: "Support", Process: 10, Wait: 60, CA: 90, HasCA: true, People: 2, Notes: "triage"},
				{ID: "b", Name: "Fix", Department: "Development", Process: 120, Wait: 30, People: 1, X: 200},
			}, Flows: []workshop.Flow{{From: "a", To: "b"}}},
			{ID: "m2", Name: "Hotfix (future)", State: workshop.Future, Baseline: "Hotfix",
				Ideas: []workshop.Idea{{Text: "Self-service status page"}}},
		}}
	assertSameWorkshop(t, "v1 workshop after migration", want, got)

	// What v2 added works on the migrated file.
	var history workshop.History
	ch, err := history.Do(got, &workshop.SetIdeas{MapID: "m2", Ideas: []workshop.Idea{{Text: "Status page", Owner: "Support lead"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := saveChange(lib, 7, got, ch); err != nil {
		t.Fatal(err)
	}
	// What v4 added too: a range on a stage's wait and process time.
	fix := *got.Maps[0].Stages[1]
	fix.WaitRange, fix.ProcessRange = workshop.Range{Low: 10, High: 90}, workshop.Range{Low: 60, High: 480}
	if ch, err = history.Do(got, &workshop.EditStage{MapID: "m1", StageID: "b", Stage: fix}); err != nil {
		t.Fatal(err)
	}
	if err := saveChange(lib, 7, got, ch); err != nil {
		t.Fatal(err)
	}
	if err := lib.SetLastOpened(7); err != nil {
		t.Fatal(err)
	}
	lib.Close()

	again := openLibrary(t, path)
	if last, err := again.LastOpened(); err != nil || last != 7 {
		t.Errorf("LastOpened() = %d, %v; want 7", last, err)
	}
	reloaded, err := again.Load(7)
	if err != nil {
		t.Fatal(err)
	}
	assertSameWorkshop(t, "after saving an idea owner and a range", got, reloaded)
	again.Close()

	raw := rawDB(t, path)
	var version int
	if err := raw.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != store.CurrentVersion {
		t.Errorf("user_version on disk = %d, %v", version, err)
	}
	integrityCheck(t, path)
}
