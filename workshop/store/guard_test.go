package store_test

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leadline.app/leadline/workshop/store"
)

// realLibrary makes a closed library file holding a rich workshop and returns its bytes.
func realLibrary(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "source.db")
	lib := openLibrary(t, path)
	for i := 0; i < 20; i++ { // enough rows to spread over several pages
		if _, err := lib.Create(richWorkshop()); err != nil {
			t.Fatal(err)
		}
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) < 8*4096 {
		t.Fatalf("sample library is only %d bytes; the damage cases need more pages", len(raw))
	}
	return raw
}

// TestRefusedFilesAreLeftByteIdentical feeds Open every kind of bad file and checks that it is
// refused with the right sentinel and a message naming the file, and that nothing was written:
// the file hashes the same and no -wal, -shm or -journal file appeared beside it.
func TestRefusedFilesAreLeftByteIdentical(t *testing.T) {
	library := realLibrary(t)
	random := make([]byte, 64*1024)
	rand.New(rand.NewSource(7)).Read(random)

	cases := []struct {
		name    string
		make    func(t *testing.T, path string)
		want    error
		message string
	}{
		{"garbage bytes", writeBytes(random), store.ErrCorrupt, "not an SQLite database"},
		{"a text file", writeBytes([]byte("name,lead time\nBuild,4h\n")), store.ErrCorrupt, "not an SQLite database"},
		{"empty file", writeBytes(nil), store.ErrCorrupt, "is empty"},
		{"shorter than a header", writeBytes(library[:50]), store.ErrCorrupt, "truncated"},
		{"truncated to half", writeBytes(library[:len(library)/2]), store.ErrCorrupt, "truncated"},
		{"truncated mid-page", writeBytes(library[:3*4096+123]), store.ErrCorrupt, "truncated"},
		{"garbled pages", writeBytes(garble(library, random)), store.ErrCorrupt, "damaged"},
		{"bad page size", writeBytes(patch(library, 16, []byte{0x03, 0x00})), store.ErrCorrupt, "page size"},
		{"another application's SQLite", foreignSQLite(""), store.ErrCorrupt, "another application"},
		{"SQLite with our id but no schema", foreignSQLite("PRAGMA application_id = 1279544398;"), store.ErrCorrupt, "lacks Leadline's tables"},
		{"newer schema version", newerLibrary(library), store.ErrNewerVersion, "newer version of Leadline (schema version 99"},
		{"negative schema version", negativeVersion(library), store.ErrCorrupt, "is not a Leadline library: its schema version is -1"},
		{"index out of step with its table", staleIndex(library), store.ErrCorrupt, "is damaged: integrity check reports"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "library ünïcode #1.db")
			c.make(t, path)
			before := fileHash(t, path)
			entriesBefore := dirNames(t, dir)

			lib, err := store.Open(path)
			if err == nil {
				lib.Close()
				t.Fatal("Open succeeded on a bad file")
			}
			t.Logf("refused: %v", err)
			if !errors.Is(err, c.want) {
				t.Errorf("Open error %v is not %v", err, c.want)
			}
			var openErr *store.OpenError
			if !errors.As(err, &openErr) || openErr.Path != path {
				t.Errorf("Open error %#v does not carry the path", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), c.message) {
				t.Errorf("Open error %q should name %q and say %q", err, path, c.message)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("Open error spans several lines: %q", err)
			}
			if after := fileHash(t, path); after != before {
				t.Errorf("the refused file changed: sha256 %s → %s", before, after)
			}
			if entriesAfter := dirNames(t, dir); entriesAfter != entriesBefore {
				t.Errorf("files beside the library changed: %s → %s", entriesBefore, entriesAfter)
			}
		})
	}
}

func writeBytes(raw []byte) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// garble overwrites every page after the first few with random bytes; the header stays good,
// so only SQLite's own check can find the damage.
func garble(library, random []byte) []byte {
	out := append([]byte(nil), library...)
	for offset := 2 * 4096; offset+4096 <= len(out); offset += 4096 {
		copy(out[offset+100:offset+4096], random[(offset/4096)%8*1000:])
	}
	return out
}

func patch(library []byte, offset int, bytes []byte) []byte {
	out := append([]byte(nil), library...)
	copy(out[offset:], bytes)
	return out
}

func foreignSQLite(extraSQL string) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		db := rawDB(t, path)
		if _, err := db.Exec(extraSQL + "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('shopping list');"); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func newerLibrary(library []byte) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		writeBytes(library)(t, path)
		db := rawDB(t, path)
		if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func dirNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, ", ")
}

// TestNewerVersionStillInWAL: another process has upgraded the library but the new version
// sits in its WAL, not yet in the main file's header. Open must see it through SQLite and
// refuse, writing to neither file.
func TestNewerVersionStillInWAL(t *testing.T) {
	path := newLibraryPath(t)
	lib := openLibrary(t, path)
	lib.Close()
	newer := rawDB(t, "file:"+path+"?_journal_mode=WAL")
	newer.SetMaxOpenConns(1)
	for _, stmt := range []string{"PRAGMA wal_autocheckpoint = 0", fmt.Sprintf("PRAGMA user_version = %d", store.CurrentVersion+1)} {
		if _, err := newer.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	mainBefore, walBefore := fileHash(t, path), fileHash(t, path+"-wal")

	_, err := store.Open(path)
	if !errors.Is(err, store.ErrNewerVersion) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open = %v, want ErrNewerVersion naming the file", err)
	}
	if fileHash(t, path) != mainBefore || fileHash(t, path+"-wal") != walBefore {
		t.Error("Open wrote to a library from a newer version")
	}
}

func TestOpenRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := store.Open(dir); !errors.Is(err, store.ErrCorrupt) || !strings.Contains(err.Error(), dir) {
		t.Errorf("Open(folder) = %v", err)
	}
}
