package formats

import (
	"fmt"
	"strings"
	"time"

	"leadline.app/leadline/workshop"
)

// An event log (Norn's format) is a CSV with a header row, or JSON (an array of events, or
// {"events": [...]}), with the columns workItemId, stage, enteredAt and optionally exitedAt
// and department, matched case-insensitively in any order. The derivation of the map lives
// in workshop.MeasureMap; this file reads the rows.

const (
	EventLogCSV  Format = "event-log-csv"
	EventLogJSON Format = "event-log-json"
)

// MaxLogRows bounds an event log: a year of a busy team's Jira history is well below it, and
// the bound keeps the import under a second.
const MaxLogRows = 200_000

// The columns of an event log, spelled as the README documents them; matching ignores case.
const (
	columnItem       = "workItemId"
	columnStage      = "stage"
	columnEntered    = "enteredAt"
	columnExited     = "exitedAt"
	columnDepartment = "department"
)

var logColumns = []string{columnItem, columnStage, columnEntered, columnExited, columnDepartment}

var requiredLogColumns = []string{columnItem, columnStage, columnEntered}

// ImportOptions carry what the content of a file cannot say.
type ImportOptions struct {
	Log workshop.LogOptions // the queue and done statuses of an event log
}

// IsEventLog tells whether a format is an event log, the one kind that takes LogOptions.
func IsEventLog(f Format) bool { return f == EventLogCSV || f == EventLogJSON }

// logRow is one event as read, before its times are parsed, with where it stands in the file.
type logRow struct {
	line                         int
	item, stage, entered, exited string
	department                   string
}

// ParseEventLog reads an event log and derives its measured current state: a workshop named
// after the file, with one map and a calendar of 24-hour days and 7-day weeks.
func ParseEventLog(name string, data []byte, opts workshop.LogOptions) (*workshop.Workshop, error) {
	visits, err := ReadEventLog(name, data)
	if err != nil {
		return nil, err
	}
	m, err := workshop.MeasureMap(visits, opts)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	w := workshop.NewWorkshop(nameFromFile(name))
	w.Calendar = workshop.MeasuredCalendar
	w.Maps = []*workshop.Map{m}
	if err := w.Validate(); err != nil {
		return nil, &Error{File: name, Msg: oneLine(err)}
	}
	return w, nil
}

// ReadEventLog parses an event log's rows into visits, refusing the whole file at the first
// bad row. It does not derive anything, so the app can list the statuses first.
func ReadEventLog(name string, data []byte) ([]workshop.Visit, error) {
	if err := checkSize(name, len(data)); err != nil {
		return nil, err
	}
	data = stripBOM(data)
	format, err := Detect(data)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	var rows []logRow
	switch format {
	case EventLogCSV:
		rows, err = readLogCSV(name, data)
	case EventLogJSON:
		rows, err = readLogJSON(name, data)
	default:
		return nil, &Error{File: name, Msg: fmt.Sprintf("not an event log (the file reads as %s); expected columns %s", format, strings.Join(requiredLogColumns, ", "))}
	}
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, &Error{File: name, Msg: "the log holds no work items: no row after the header"}
	}
	visits := make([]workshop.Visit, 0, len(rows))
	statuses := map[string]bool{}
	for _, r := range rows {
		v, err := r.visit()
		if err != nil {
			return nil, &Error{File: name, Line: r.line, Msg: err.Error()}
		}
		if !statuses[v.Status] {
			statuses[v.Status] = true
			if err := checkStageCount(name, len(statuses)); err != nil {
				return nil, err
			}
		}
		visits = append(visits, v)
	}
	return visits, nil
}

// LogStatuses lists the statuses of a log once each, in the order they first appear, for the
// app to offer as queue or done.
func LogStatuses(visits []workshop.Visit) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range visits {
		if !seen[v.Status] {
			seen[v.Status] = true
			out = append(out, v.Status)
		}
	}
	return out
}

func (r logRow) visit() (workshop.Visit, error) {
	v := workshop.Visit{Item: strings.TrimSpace(r.item), Status: strings.TrimSpace(r.stage),
		Department: canonicalDepartment(r.department)}
	for _, field := range []struct{ name, value string }{{columnItem, v.Item}, {columnStage, v.Status}, {columnEntered, strings.TrimSpace(r.entered)}} {
		if field.value == "" {
			return v, fmt.Errorf("field %s: is empty", field.name)
		}
	}
	var err error
	if v.Entered, err = parseLogTime(columnEntered, r.entered); err != nil {
		return v, err
	}
	if strings.TrimSpace(r.exited) != "" {
		if v.Exited, err = parseLogTime(columnExited, r.exited); err != nil {
			return v, err
		}
		if v.Exited.Before(v.Entered) {
			return v, fmt.Errorf("field %s %q: is before %s %q; a visit cannot end before it begins",
				columnExited, strings.TrimSpace(r.exited), columnEntered, strings.TrimSpace(r.entered))
		}
		v.HasExit = true
	}
	return v, nil
}

// Timestamps without a zone are UTC, and a bare date is midnight UTC.
var utcLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

func parseLogTime(field, text string) (time.Time, error) {
	text = strings.TrimSpace(text)
	if t, err := time.Parse(time.RFC3339Nano, text); err == nil {
		return t, nil
	}
	for _, layout := range utcLayouts {
		if len(text) == len(layout) {
			if t, err := time.ParseInLocation(layout, text, time.UTC); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf(`field %s %q: expected a time as RFC 3339 with a zone (2026-01-05T09:00:00Z), "YYYY-MM-DD HH:MM[:SS]" (UTC) or "YYYY-MM-DD"`, field, text)
}

// logHeader finds the columns by name, ignoring case and spaces; it returns the index of
// each of logColumns, -1 for an optional one that is missing.
func logHeader(names []string) ([]int, error) {
	index := make([]int, len(logColumns))
	for i := range index {
		index[i] = -1
	}
	for at, raw := range names {
		name := strings.TrimSpace(raw)
		for c, column := range logColumns {
			if !strings.EqualFold(name, column) {
				continue
			}
			if index[c] >= 0 {
				return nil, fmt.Errorf("column %s appears twice", column)
			}
			index[c] = at
		}
	}
	var missing []string
	for c, column := range logColumns[:len(requiredLogColumns)] {
		if index[c] < 0 {
			missing = append(missing, column)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("missing column %s; an event log has columns %s and optionally %s, %s",
			strings.Join(missing, ", "), strings.Join(requiredLogColumns, ", "), columnExited, columnDepartment)
	}
	return index, nil
}
