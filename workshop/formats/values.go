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
			return 0, false, fmt.Errorf("expected a number, found %s", workshop.Shorten(text, 40))
		}
		text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
		if text == "" {
			return 0, false, nil
		}
	}
	value, err = strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(value) || math.IsInf(value, 0) {
		return 0, false, fmt.Errorf("expected a number, found %s", workshop.Shorten(string(raw), 40))
	}
	return value, true, nil
}

// readDuration reads Leadline's process and wait values: a number of minutes, or a duration
// text such as "2d 4h" read with the file's calendar.
func readDuration(raw json.RawMessage, cal workshop.Calendar) (float64, error) {
	return workshop.ReadDuration(raw, cal)
}

// readRange reads a [low, high] pair around a most likely value, each a number of minutes or
// a duration text; absent or null is no range.
func readRange(raw json.RawMessage, value float64, cal workshop.Calendar) (workshop.Range, error) {
	text := strings.TrimSpace(string(raw))
	if text == "" || text == "null" {
		return workshop.Range{}, nil
	}
	var pair []json.RawMessage
	if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
		return workshop.Range{}, fmt.Errorf("expected [low, high] such as [\"1d\", \"3w\"], found %s", text)
	}
	var r workshop.Range
	var err error
	if r.Low, err = readDuration(pair[0], cal); err != nil {
		return workshop.Range{}, fmt.Errorf("low: %w", err)
	}
	if r.High, err = readDuration(pair[1], cal); err != nil {
		return workshop.Range{}, fmt.Errorf("high: %w", err)
	}
	if !(r.Low <= value && value <= r.High) {
		return workshop.Range{}, fmt.Errorf("%s must hold the most likely value %s: low ≤ value ≤ high",
			text, workshop.FormatDuration(value, cal))
	}
	return r, nil
}

// readCA reads a %C&A: 0–100 as a number or as text ("85", "85%"), or absent.
func readCA(raw json.RawMessage) (ca float64, has bool, err error) {
	text := strings.TrimSpace(string(raw))
	if text == "null" {
		return 0, false, nil
	}
	if strings.HasPrefix(text, `"`) {
		if err := json.Unmarshal(raw, &text); err != nil {
			return 0, false, fmt.Errorf("expected a number, found %s", workshop.Shorten(text, 40))
		}
	} else if _, _, err := readNumber(raw); err != nil {
		return 0, false, err
	}
	ca, has, err = workshop.ParsePercent(text)
	var bad *workshop.PercentError
	if errors.As(err, &bad) && strings.HasPrefix(bad.Reason, "not a number") {
		return 0, false, fmt.Errorf("expected a number, found %s", workshop.Shorten(string(raw), 40))
	}
	return ca, has, err
}

// readPeople reads a head count, which must be a whole number.
func readPeople(raw json.RawMessage) (int, error) {
	n, has, err := readNumber(raw)
	if err != nil || !has {
		return 0, err
	}
	if n < 0 || n != math.Trunc(n) || n > 1e6 {
		return 0, fmt.Errorf("%s must be a whole number of people", workshop.Shorten(strings.TrimSpace(string(raw)), 40))
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
			return "", fmt.Errorf("expected text, found %s", workshop.Shorten(text, 40))
		}
		return s, nil
	}
	if _, err := strconv.ParseFloat(text, 64); err == nil {
		return text, nil
	}
	return "", fmt.Errorf("expected text or a number, found %s", text)
}

// fillMissingIDs gives stages without an id one no other stage of the map uses: "s1", "s2", …
// The ids in use are collected once, so that 5,000 stages without ids stay linear.
func fillMissingIDs(m *workshop.Map) {
	taken := make(map[string]bool, len(m.Stages))
	for _, s := range m.Stages {
		taken[s.ID] = true
	}
	next := 1
	for _, s := range m.Stages {
		if strings.TrimSpace(s.ID) != "" {
			continue
		}
		for taken["s"+strconv.Itoa(next)] {
			next++
		}
		s.ID = "s" + strconv.Itoa(next)
		taken[s.ID] = true
	}
}

// stageResolver finds the stage a flow or idea names: by id, or — for hand-written files — by
// a name only one stage carries. An unknown reference is kept as written, so that validation
// reports it with its value. The stages are indexed once, so that resolving 20,000 flows stays
// linear.
type stageResolver struct {
	ids    map[string]bool
	byName map[string]string // name → id, or "" when two stages share the name
}

func newStageResolver(m *workshop.Map) stageResolver {
	r := stageResolver{ids: make(map[string]bool, len(m.Stages)), byName: make(map[string]string, len(m.Stages))}
	for _, s := range m.Stages {
		r.ids[s.ID] = true
		if _, taken := r.byName[s.Name]; taken {
			r.byName[s.Name] = ""
		} else {
			r.byName[s.Name] = s.ID
		}
	}
	return r
}

func (r stageResolver) resolve(ref string) string {
	if ref == "" || r.ids[ref] {
		return ref
	}
	if id := r.byName[ref]; id != "" {
		return id
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
