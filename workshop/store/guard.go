package store

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

const sqliteMagic = "SQLite format 3\x00"

// fileHeader holds the fields of SQLite's 100-byte database header that inspect needs
// (https://www.sqlite.org/fileformat.html#the_database_header).
type fileHeader struct {
	pageSize      int64
	pageCount     int64 // valid only when countIsValid
	countIsValid  bool
	userVersion   int
	applicationID uint32
}

// fileState is what inspect saw of the file and its sidecars, to notice a concurrent writer.
type fileState struct {
	size    int64
	modTime time.Time
	wal     bool
	shm     bool
}

func statFile(path string) (fileState, error) {
	info, err := os.Stat(path)
	if err != nil {
		return fileState{}, err
	}
	_, walErr := os.Stat(path + "-wal")
	_, shmErr := os.Stat(path + "-shm")
	return fileState{size: info.Size(), modTime: info.ModTime(), wal: walErr == nil, shm: shmErr == nil}, nil
}

// inspect decides, without writing anything, whether path is a healthy Leadline library that
// this version may open. It reads the header first, so that garbage and foreign files never
// reach SQLite; then it opens the file read-only and runs PRAGMA quick_check.
func inspect(path string) error {
	state, err := statFile(path)
	if err != nil {
		return fmt.Errorf("open library %s: %w", quotePath(path), err)
	}
	header, err := readHeader(path, state.size)
	if err != nil {
		return err
	}
	if err := checkVersion(path, header.userVersion); err != nil {
		return err
	}
	// With a WAL beside it the main file may legally lag behind its header mid-checkpoint.
	if !state.wal && header.countIsValid && state.size < header.pageCount*header.pageSize {
		return refuse(path, ErrCorrupt,
			"is damaged: it holds %d bytes but its header promises %d pages of %d bytes; the file looks truncated",
			state.size, header.pageCount, header.pageSize)
	}
	// A writer in another process can change the file under an immutable read; a failure
	// seen while the file changed is retried rather than reported as damage.
	for attempt := 1; ; attempt++ {
		err = inspectContent(path, state)
		if err == nil || attempt == 3 {
			return err
		}
		after, statErr := statFile(path)
		if statErr != nil || after == state {
			return err
		}
		state = after
	}
}

func readHeader(path string, size int64) (fileHeader, error) {
	if size == 0 {
		return fileHeader{}, refuse(path, ErrCorrupt, "is empty, not a Leadline library")
	}
	f, err := os.Open(path)
	if err != nil {
		return fileHeader{}, fmt.Errorf("open library %s: %w", quotePath(path), err)
	}
	defer f.Close()
	raw := make([]byte, 100)
	n, err := io.ReadFull(f, raw)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fileHeader{}, fmt.Errorf("open library %s: read header: %w", quotePath(path), err)
	}
	raw = raw[:n]
	if !bytes.HasPrefix(raw, []byte(sqliteMagic)) {
		return fileHeader{}, refuse(path, ErrCorrupt,
			"is not a Leadline library: it is not an SQLite database (it starts with %s)", quoteStart(raw))
	}
	if n < 100 {
		return fileHeader{}, refuse(path, ErrCorrupt,
			"is damaged: only %d bytes long, shorter than an SQLite header; the file looks truncated", n)
	}
	h := fileHeader{
		pageSize:      int64(binary.BigEndian.Uint16(raw[16:18])),
		pageCount:     int64(binary.BigEndian.Uint32(raw[28:32])),
		userVersion:   int(int32(binary.BigEndian.Uint32(raw[60:64]))),
		applicationID: binary.BigEndian.Uint32(raw[68:72]),
	}
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	// The page count is trustworthy only when the change counter matches "version valid for".
	h.countIsValid = binary.BigEndian.Uint32(raw[24:28]) == binary.BigEndian.Uint32(raw[92:96])
	if h.pageSize < 512 || h.pageSize&(h.pageSize-1) != 0 {
		return fileHeader{}, refuse(path, ErrCorrupt, "is damaged: its header gives page size %d", h.pageSize)
	}
	if h.applicationID != applicationID {
		return fileHeader{}, refuse(path, ErrCorrupt,
			"is not a Leadline library: it is an SQLite database of another application (application id %#x)", h.applicationID)
	}
	return h, nil
}

// quoteStart shows the first bytes of a foreign file, so the user can tell what it is.
func quoteStart(raw []byte) string {
	if len(raw) > 16 {
		raw = raw[:16]
	}
	if len(raw) == 0 {
		return "nothing"
	}
	return strconv.QuoteToASCII(string(raw))
}

// inspectContent opens the file read-only. Without a WAL or shared-memory file beside it, it is
// opened immutable, which creates neither; with them (a live or crashed writer), it is opened
// read-only so that the WAL's newer pages are seen.
func inspectContent(path string, state fileState) error {
	params := "mode=ro&_busy_timeout=5000"
	if !state.wal && !state.shm {
		params += "&immutable=1"
	}
	db, err := sql.Open("sqlite3", fileURI(path, params))
	if err != nil {
		return fmt.Errorf("open library %s read-only: %w", quotePath(path), err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	rows, err := db.Query(checkPragma(state.size))
	if err != nil {
		return refuse(path, ErrCorrupt, "is damaged: SQLite cannot read it (%v)", err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return refuse(path, ErrCorrupt, "is damaged: integrity check failed (%v)", err)
		}
		problems = append(problems, line)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return refuse(path, ErrCorrupt, "is damaged: integrity check failed (%v)", err)
	}
	rows.Close()
	if len(problems) != 1 || problems[0] != "ok" {
		return refuse(path, ErrCorrupt, "is damaged: integrity check reports %s", oneLine(problems))
	}
	return checkSignature(db, path)
}

// fullCheckLimit is the largest library checked with integrity_check, which also compares every
// index with its table (a damaged index passes quick_check, and writing through it spreads the
// damage). On a library this size it takes well under a second; larger ones get quick_check.
const fullCheckLimit = 50 << 20

func checkPragma(size int64) string {
	if size <= fullCheckLimit {
		return "PRAGMA integrity_check(5)"
	}
	return "PRAGMA quick_check(5)"
}

// checkSignature reads the version and signature through SQLite, which also sees pages still
// in the WAL that the header on disk does not show yet.
func checkSignature(db *sql.DB, path string) error {
	var version int
	var appID int64
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return refuse(path, ErrCorrupt, "is damaged: cannot read its schema version (%v)", err)
	}
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return refuse(path, ErrCorrupt, "is damaged: cannot read its application id (%v)", err)
	}
	if uint32(appID) != applicationID {
		return refuse(path, ErrCorrupt, "is not a Leadline library: application id %#x", uint32(appID))
	}
	if err := checkVersion(path, version); err != nil {
		return err
	}
	var found int
	query := "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?" +
		strings.Repeat(", ?", len(signatureTables)-1) + ")"
	args := make([]any, len(signatureTables))
	for i, name := range signatureTables {
		args[i] = name
	}
	if err := db.QueryRow(query, args...).Scan(&found); err != nil {
		return refuse(path, ErrCorrupt, "is damaged: cannot read its schema (%v)", err)
	}
	if found != len(signatureTables) {
		return refuse(path, ErrCorrupt, "is not a Leadline library: it lacks Leadline's tables (%s)",
			strings.Join(signatureTables, ", "))
	}
	var application string
	err := db.QueryRow("SELECT value FROM library_info WHERE key = 'application'").Scan(&application)
	if err != nil || application != "leadline" {
		return refuse(path, ErrCorrupt, "is not a Leadline library: its library_info names no Leadline application")
	}
	return nil
}

// oneLine squeezes quick_check's report into one short line: the command line prints one.
func oneLine(problems []string) string {
	var parts []string
	for _, p := range problems {
		for _, line := range strings.Split(p, "\n") {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "***") {
				parts = append(parts, line)
			}
		}
	}
	joined := strings.Join(parts, "; ")
	if runes := []rune(joined); len(runes) > 200 {
		joined = string(runes[:200]) + "…"
	}
	return strconv.Quote(joined)
}
