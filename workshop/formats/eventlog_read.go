package formats

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// readLogCSV reads the header row and every row after it.
func readLogCSV(name string, data []byte) ([]logRow, error) {
	if !utf8.Valid(data) {
		return nil, &Error{File: name, Msg: "not UTF-8 text; save the CSV as UTF-8"}
	}
	reader := csv.NewReader(bytes.NewReader(data))
	reader.FieldsPerRecord = -1
	reader.ReuseRecord = true
	header, err := reader.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	headerLine, _ := reader.FieldPos(0)
	index, err := logHeader(header)
	if err != nil {
		return nil, &Error{File: name, Line: headerLine, Msg: err.Error()}
	}
	field := func(record []string, column int) string {
		if i := index[column]; i >= 0 && i < len(record) {
			return record[i]
		}
		return ""
	}
	var rows []logRow
	for {
		record, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := reader.FieldPos(0)
		if len(rows) == MaxLogRows {
			return nil, &Error{File: name, Line: line, Msg: fmt.Sprintf("the log has more than %d rows", MaxLogRows)}
		}
		if len(record) == 1 && strings.TrimSpace(record[0]) == "" {
			continue // a line of spaces
		}
		rows = append(rows, logRow{line: line, item: field(record, 0), stage: field(record, 1),
			entered: field(record, 2), exited: field(record, 3), department: field(record, 4)})
	}
}

// readLogJSON reads an array of events, or an object whose "events" key holds one, keeping
// each event's line for messages.
func readLogJSON(name string, data []byte) ([]logRow, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	fail := func(err error) error {
		located := describeJSONError(data, err)
		located.File = name
		return located
	}
	start, err := dec.Token()
	if err != nil {
		return nil, fail(err)
	}
	if start == json.Delim('{') {
		found := false
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, fail(err)
			}
			if k, _ := key.(string); strings.EqualFold(k, "events") {
				found = true
				break
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, fail(err)
			}
		}
		if !found {
			return nil, &Error{File: name, Msg: `a JSON object without "events"; an event log is a list of events or {"events": [...]}`}
		}
		if start, err = dec.Token(); err != nil {
			return nil, fail(err)
		}
	}
	if start != json.Delim('[') {
		line, col := lineColumn(data, dec.InputOffset()-1)
		return nil, &Error{File: name, Line: line, Column: col, Msg: `field events: expected a list of events`}
	}
	var rows []logRow
	for n := 1; dec.More(); n++ {
		line, _ := lineColumn(data, valueStart(data, dec.InputOffset()))
		if len(rows) == MaxLogRows {
			return nil, &Error{File: name, Line: line, Msg: fmt.Sprintf("the log has more than %d events", MaxLogRows)}
		}
		var event map[string]json.RawMessage
		if err := dec.Decode(&event); err != nil {
			var typeErr *json.UnmarshalTypeError
			if errors.As(err, &typeErr) {
				return nil, &Error{File: name, Line: line, Msg: fmt.Sprintf("event %d: expected an object with %s", n, strings.Join(requiredLogColumns, ", "))}
			}
			return nil, fail(err)
		}
		row, err := jsonLogRow(event)
		if err != nil {
			return nil, &Error{File: name, Line: line, Msg: fmt.Sprintf("event %d %v", n, err)}
		}
		row.line = line
		rows = append(rows, row)
	}
	return rows, nil
}

// valueStart skips the separators between the decoder's offset and the next value.
func valueStart(data []byte, offset int64) int64 {
	for offset < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[offset]) >= 0 {
		offset++
	}
	return offset
}

// jsonLogRow takes the known fields, whatever their case; an id may be a number, as Jira's are.
func jsonLogRow(event map[string]json.RawMessage) (logRow, error) {
	values := make([]string, len(logColumns))
	for key, raw := range event {
		for c, column := range logColumns {
			if !strings.EqualFold(key, column) {
				continue
			}
			text, err := jsonText(raw, c == 0)
			if err != nil {
				return logRow{}, fmt.Errorf("field %s: %w", column, err)
			}
			values[c] = text
		}
	}
	for c, column := range requiredLogColumns {
		if strings.TrimSpace(values[c]) == "" {
			return logRow{}, fmt.Errorf("field %s: is missing or empty", column)
		}
	}
	return logRow{item: values[0], stage: values[1], entered: values[2], exited: values[3], department: values[4]}, nil
}

func jsonText(raw json.RawMessage, numberAllowed bool) (string, error) {
	trimmed := bytes.TrimSpace(raw)
	switch {
	case bytes.Equal(trimmed, []byte("null")):
		return "", nil
	case len(trimmed) > 0 && trimmed[0] == '"':
		var s string
		if err := json.Unmarshal(trimmed, &s); err != nil {
			return "", err
		}
		return s, nil
	case numberAllowed && len(trimmed) > 0 && (trimmed[0] == '-' || trimmed[0] >= '0' && trimmed[0] <= '9'):
		return string(trimmed), nil
	}
	return "", fmt.Errorf("expected text, found %s", quoteRaw(trimmed))
}

func quoteRaw(raw []byte) string {
	if len(raw) > 40 {
		raw = append(raw[:40:40], "…"...)
	}
	return string(raw)
}
