package formats

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"leadline.app/leadline/workshop"
)

// readNumber reads a JSON value that should be a number. Hand-edited files and form-backed
// web tools sometimes write numbers as text ("85", "85%"), so numeric text is accepted too.
// present is false for a missing value or null.
func readNumber(raw json.RawMessage) (value float64, present bool, err error) {
	text := strings.TrimSpace(string(raw))
	if text == "" || text == "null" {
		return 0, false, nil
	}
	if text[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, false, fmt.Errorf("expected a number, found %s", text)
		}
		text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
		if text == "" {
			return 0, false, nil
		}
	}
	value, err = strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(value) || math.IsInf(value, 0) {
		return 0, false, fmt.Errorf("expected a number, found %s", string(raw))
	}
	return value, true, nil
}

// readDuration reads Leadline's process and wait values: a number of minutes, or a duration
// text such as "2d 4h" read with the file's calendar.
func readDuration(raw json.RawMessage, cal workshop.Calendar) (float64, error) {
	text := strings.TrimSpace(string(raw))
	if text == "" || text == "null" {
		return 0, nil
	}
	if text[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, fmt.Errorf("expected minutes or a duration such as \"2d 4h\", found %s", text)
		}
		return workshop.ParseDuration(s, cal)
	}
	minutes, _, err := readNumber(raw)
	if err != nil {
		return 0, fmt.Errorf("expected minutes or a duration such as \"2d 4h\", found %s", text)
	}
	if minutes < 0 {
		return 0, fmt.Errorf("%s must not be negative", text)
	}
	if minutes > workshop.MaxMinutes {
		return 0, fmt.Errorf("%s is too large", text)
	}
	return minutes, nil
}

// readCA reads a %C&A: 0–100, or absent.
func readCA(raw json.RawMessage) (ca float64, has bool, err error) {
	ca, has, err = readNumber(raw)
	if err != nil {
		return 0, false, err
	}
	if has && !(ca >= 0 && ca <= 100) {
		return 0, false, fmt.Errorf("%s must be between 0 and 100", strings.TrimSpace(string(raw)))
	}
	return ca, has, nil
}

// readPeople reads a head count, which must be a whole number.
func readPeople(raw json.RawMessage) (int, error) {
	n, has, err := readNumber(raw)
	if err != nil || !has {
		return 0, err
	}
	if n < 0 || n != math.Trunc(n) || n > 1e6 {
		return 0, fmt.Errorf("%s must be a whole number of people", strings.TrimSpace(string(raw)))
	}
	return int(n), nil
}

// readID reads a step or stage id, which some tools write as a number.
func readID(raw json.RawMessage) (string, error) {
	text := strings.TrimSpace(string(raw))
	if text == "" || text == "null" {
		return "", nil
	}
	if text[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("expected text, found %s", text)
		}
		return s, nil
	}
	if _, err := strconv.ParseFloat(text, 64); err == nil {
		return text, nil
	}
	return "", fmt.Errorf("expected text or a number, found %s", text)
}

// fillMissingIDs gives stages without an id one no other stage of the map uses.
func fillMissingIDs(m *workshop.Map) {
	for _, s := range m.Stages {
		if strings.TrimSpace(s.ID) == "" {
			s.ID = m.NewStageID()
		}
	}
}

// resolveStageRef finds the stage a flow or idea names: by id, or — for hand-written files —
// by a name only one stage carries. An unknown reference is kept as written, so that
// validation reports it with its value.
func resolveStageRef(m *workshop.Map, ref string) string {
	if ref == "" || m.Stage(ref) != nil {
		return ref
	}
	found := ""
	for _, s := range m.Stages {
		if s.Name == ref {
			if found != "" {
				return ref
			}
			found = s.ID
		}
	}
	if found != "" {
		return found
	}
	return ref
}

// validationError wraps the model's validation problems with the file name and, when the
// first problem names a stage, the line where that stage starts. stagePath tells where a
// map's stage sits in this format's file.
func validationError(file string, data []byte, w *workshop.Workshop, err error, stagePath func(mapIndex, stageIndex int) []any) *Error {
	out := &Error{File: file, Msg: oneLine(err)}
	var field *workshop.FieldError
	if !errors.As(err, &field) || field.Stage == "" {
		return out
	}
	for mi, m := range w.Maps {
		if m.Name != field.Map {
			continue
		}
		for si, s := range m.Stages {
			if s.Name == field.Stage {
				out.Line, _ = lineColumn(data, locate(data, stagePath(mi, si)...))
				return out
			}
		}
	}
	return out
}
