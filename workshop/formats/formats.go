// Package formats reads workshops from the files other tools write — Leadline's own JSON,
// Norn's JSON export and timemap's CSV — and writes Leadline JSON. A file is read whole and
// validated before anything is returned, so a caller never sees half a workshop.
package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"leadline.app/leadline/workshop"
)

// Format names a file format Leadline reads.
type Format string

const (
	LeadlineJSON Format = "leadline-json"
	NornJSON     Format = "norn-json"
	TimemapCSV   Format = "timemap-csv"
)

// MaxFileSize bounds what is read at all: a real workshop is a few kilobytes, and a bound
// keeps a wrong file (a video, a database dump) from filling memory.
const MaxFileSize = 10 << 20

// MaxStages bounds the stages of one workshop, all maps together; no room maps more, and the
// canvas and the handout stay responsive below it.
const MaxStages = workshop.MaxStages

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// stripBOM drops a UTF-8 byte-order mark, which Windows editors and Excel put in front of
// JSON and CSV files alike.
func stripBOM(data []byte) []byte { return bytes.TrimPrefix(data, utf8BOM) }

// Detect tells the format from the content alone: file names lie (a Norn export is just
// "vsm.json").
func Detect(data []byte) (Format, error) {
	data = stripBOM(data)
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return "", fmt.Errorf("the file is empty")
	}
	switch trimmed[0] {
	case '{':
		return detectJSON(data)
	case '[':
		if looksLikeEventList(data) {
			return EventLogJSON, nil
		}
		return "", fmt.Errorf("the file holds a JSON list; expected a JSON object with maps, stages or steps")
	}
	if json.Valid(trimmed) {
		return "", fmt.Errorf("the file holds just the JSON value %s; expected a JSON object with maps, stages or steps", shortText(trimmed))
	}
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return "", errors.New(notText)
	}
	if looksLikeEventLogCSV(data) {
		return EventLogCSV, nil
	}
	if looksLikeCSV(data) {
		return TimemapCSV, nil
	}
	return "", fmt.Errorf("neither JSON nor comma-separated rows; expected Leadline JSON, Norn JSON or timemap CSV")
}

func detectJSON(data []byte) (Format, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return "", describeJSONError(data, err)
	}
	has := func(key string) bool {
		for k := range top {
			if strings.EqualFold(k, key) {
				return true
			}
		}
		return false
	}
	switch {
	case has("steps"):
		return NornJSON, nil
	case has("events"):
		return EventLogJSON, nil
	case has("maps"), has("stages"):
		return LeadlineJSON, nil
	case has("versions") && has("schemaVersion"):
		return "", fmt.Errorf("a Norn workspace (schemaVersion 2) is not supported; export the value stream from Norn as JSON with steps and connections")
	}
	return "", fmt.Errorf("a JSON object without maps, stages or steps; expected Leadline JSON or a Norn export")
}

// looksLikeCSV accepts text whose first row that is not blank or a comment has a comma, or a
// file of comment lines only (which the timemap parser then refuses as holding no stages).
func looksLikeCSV(data []byte) bool {
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		return strings.Contains(line, ",")
	}
	return true
}

// looksLikeEventLogCSV spots an event log by its header: a first row naming one of the
// columns only an event log has. Its parser then names any required column that is missing.
func looksLikeEventLogCSV(data []byte) bool {
	for line := range strings.Lines(string(data)) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		for _, field := range strings.Split(line, ",") {
			name := strings.Trim(strings.TrimSpace(field), `"`)
			for _, column := range []string{columnItem, columnEntered, columnExited} {
				if strings.EqualFold(name, column) {
					return true
				}
			}
		}
		return false
	}
	return false
}

// looksLikeEventList accepts a JSON list whose first element names an event-log column (or an
// empty list, which the event-log parser refuses as holding no items).
func looksLikeEventList(data []byte) bool {
	var list []json.RawMessage
	if json.Unmarshal(data, &list) != nil {
		return true // the event-log parser says where the JSON breaks
	}
	if len(list) == 0 {
		return true
	}
	var first map[string]json.RawMessage
	if json.Unmarshal(list[0], &first) != nil {
		return false
	}
	for key := range first {
		for _, column := range []string{columnItem, columnEntered} {
			if strings.EqualFold(key, column) {
				return true
			}
		}
	}
	return false
}

// Import detects the format, parses and validates. name is the file name quoted in every
// error. A bad file is refused whole.
func Import(name string, data []byte) (*workshop.Workshop, Format, error) {
	return ImportWith(name, data, ImportOptions{})
}

// ImportWith is Import with the options an event log takes; other formats ignore them.
func ImportWith(name string, data []byte, opts ImportOptions) (*workshop.Workshop, Format, error) {
	if err := checkSize(name, len(data)); err != nil {
		return nil, "", err
	}
	data, err := readText(name, data)
	if err != nil {
		return nil, "", err
	}
	format, err := Detect(data)
	if err != nil {
		var located *Error
		if asError(err, &located) {
			located.File = name
			return nil, "", located
		}
		return nil, "", &Error{File: name, Msg: err.Error()}
	}
	var w *workshop.Workshop
	switch format {
	case LeadlineJSON:
		w, err = ParseLeadline(name, data)
	case NornJSON:
		w, err = ParseNorn(name, data)
	case TimemapCSV:
		w, err = ParseTimemap(name, data)
	case EventLogCSV, EventLogJSON:
		w, err = ParseEventLog(name, data, opts.Log)
	}
	if err != nil {
		return nil, "", err
	}
	// The parsers validate already; this second check keeps Import's promise even if a
	// parser ever forgets.
	if err := w.Validate(); err != nil {
		return nil, "", &Error{File: name, Msg: oneLine(err)}
	}
	return w, format, nil
}

// ImportFile reads a file, refusing anything over MaxFileSize before reading it all, and
// imports it. Errors name the path as given.
func ImportFile(path string) (*workshop.Workshop, Format, error) {
	return ImportFileWith(path, ImportOptions{})
}

// ImportFileWith is ImportFile with the options an event log takes.
func ImportFileWith(path string, opts ImportOptions) (*workshop.Workshop, Format, error) {
	// Check before opening: opening a named pipe with no writer blocks forever, and reading a
	// device never ends.
	info, err := os.Stat(path)
	if err != nil {
		return nil, "", fmt.Errorf("read %s: %w", path, err)
	}
	if err := checkRegular(path, info); err != nil {
		return nil, "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if err := checkRegular(path, info); err != nil { // swapped since the first look
			return nil, "", err
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, "", fmt.Errorf("read %s: %w", path, err)
	}
	return ImportWith(path, data, opts)
}

// checkRegular refuses anything but a regular file, naming what it is.
func checkRegular(path string, info os.FileInfo) error {
	mode := info.Mode()
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		return fmt.Errorf("read %s: is a directory, not a file", path)
	case mode&os.ModeNamedPipe != 0:
		return fmt.Errorf("read %s: is a named pipe, not a file; save the workshop to a file first", path)
	case mode&os.ModeSocket != 0:
		return fmt.Errorf("read %s: is a socket, not a file", path)
	case mode&os.ModeDevice != 0:
		return fmt.Errorf("read %s: is a device, not a file", path)
	}
	return fmt.Errorf("read %s: is not a regular file", path)
}

func checkSize(name string, size int) error {
	if size > MaxFileSize {
		return &Error{File: name, Msg: fmt.Sprintf("the file is larger than %d MB; a workshop file is a few kilobytes", MaxFileSize>>20)}
	}
	return nil
}

// shortText quotes the start of a value for a message.
func shortText(data []byte) string {
	if len(data) > 40 {
		return string(data[:40]) + "…"
	}
	return string(data)
}

func checkStageCount(name string, count int) error {
	if count > MaxStages {
		return &Error{File: name, Msg: fmt.Sprintf("%d stages is more than the %d a workshop may hold", count, MaxStages)}
	}
	return nil
}

// nameFromFile turns "/tmp/release-process.csv" into "release-process", for formats that
// carry no name of their own.
func nameFromFile(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if strings.TrimSpace(base) == "" || base == "." || base == string(filepath.Separator) {
		return "Imported workshop"
	}
	return base
}

// canonicalDepartment spells a built-in department the built-in way, so "qa " and "QA" share
// one row in the department totals.
func canonicalDepartment(name string) string {
	name = strings.TrimSpace(name)
	if d, ok := workshop.BuiltInDepartment(name); ok {
		return d.Name
	}
	return name
}
