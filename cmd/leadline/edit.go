package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/session"
)

// maxEditLine bounds one line of edit input; a stage name or note never needs more, and a
// runaway producer must not grow the process without limit.
const maxEditLine = 1 << 20

// editLine is one JSON line of `leadline edit`. Pointers tell a field left out from a zero.
type editLine struct {
	Op         string          `json:"op"`
	Map        string          `json:"map"`
	Stage      string          `json:"stage"`
	X          *float64        `json:"x"`
	Y          *float64        `json:"y"`
	Name       *string         `json:"name"`
	Department *string         `json:"department"`
	Process    json.RawMessage `json:"process"`
	Wait       json.RawMessage `json:"wait"`
}

// lineError names the input line and the field that made an edit impossible.
type lineError struct {
	line  int
	field string
	err   error
}

func (e *lineError) Error() string {
	if e.field == "" {
		return fmt.Sprintf("edit: line %d: %v", e.line, e.err)
	}
	return fmt.Sprintf("edit: line %d: field %q: %v", e.line, e.field, e.err)
}

func (e *lineError) Unwrap() error { return e.err }

// runEdit applies edits read as JSON lines, one per line, to one workshop of a library. Each
// edit goes through the same undo history as the app and is saved in its own transaction;
// `ok N` (N = the input line) is printed only once the save has returned, so a script may
// trust every acknowledged edit to survive a crash a moment later. The first bad line stops
// the run without being applied.
func runEdit(args []string, in io.Reader, out io.Writer) error {
	fs := newFlagSet("edit")
	db := fs.String("db", "", "library file")
	workshopFlag := fs.String("workshop", "", "workshop id (see leadline list)")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	if *workshopFlag == "" {
		return usagef("edit: --workshop ID is required; see leadline list")
	}
	id, err := parseWorkshopID(*workshopFlag)
	if err != nil {
		return usagef("edit: --workshop %q is not a workshop id; see leadline list", *workshopFlag)
	}
	lib, err := openLibrary(*db)
	if err != nil {
		return err
	}
	defer lib.Close()
	edits, err := session.Open(lib, id)
	if err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	// The app reopens the workshop used last; one just edited by a script is the one its user
	// will want to look at next.
	if err := lib.SetLastOpened(id); err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	run := &lineEditor{edits: edits}
	err = run.run(in, out)
	if closeErr := edits.Close(); err == nil {
		err = closeErr
	}
	return err
}

// lineEditor reads edit lines and hands each, as a command, to the workshop's edit session: the
// same one the window uses, so that another writer's edits are replayed on, never overwritten.
type lineEditor struct {
	edits *session.Session
	w     *workshop.Workshop // the session's model, taken afresh for each line
}

func (s *lineEditor) run(in io.Reader, out io.Writer) error {
	scanner := bufio.NewScanner(in)
	scanner.Buffer(make([]byte, 0, 64*1024), maxEditLine)
	lineNumber := 0
	for scanner.Scan() {
		lineNumber++
		text := bytes.TrimSpace(scanner.Bytes())
		if len(text) == 0 {
			continue
		}
		if err := s.apply(lineNumber, text); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(out, "ok %d\n", lineNumber); err != nil {
			return fmt.Errorf("edit: line %d saved, but the acknowledgement could not be written: %w", lineNumber, err)
		}
	}
	if err := scanner.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return &lineError{line: lineNumber + 1, err: fmt.Errorf("longer than %d bytes", maxEditLine)}
		}
		return fmt.Errorf("edit: reading input after line %d: %w", lineNumber, err)
	}
	return nil
}

// apply turns one line into a change of the workshop and saves it.
func (s *lineEditor) apply(lineNumber int, text []byte) error {
	var e editLine
	decoder := json.NewDecoder(bytes.NewReader(text))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&e); err != nil {
		return &lineError{line: lineNumber, field: jsonErrorField(err), err: jsonProblem(err)}
	}
	if decoder.More() {
		return &lineError{line: lineNumber, err: errors.New("more than one JSON value on the line")}
	}
	// Another process may have added the stage this line names: look at the library first.
	if err := s.edits.Refresh(); err != nil {
		return &lineError{line: lineNumber, err: err}
	}
	s.w = s.edits.Workshop()
	var err error
	switch e.Op {
	case "undo":
		_, err = s.edits.Undo()
	case "redo":
		_, err = s.edits.Redo()
	default:
		var cmd workshop.Command
		var field string
		if cmd, field, err = s.command(e); err != nil {
			return &lineError{line: lineNumber, field: field, err: err}
		}
		_, err = s.edits.Do(cmd)
	}
	if err != nil {
		return &lineError{line: lineNumber, field: opField(e.Op), err: err}
	}
	return nil
}

// opField says which field an error of History.Do/Undo/Redo is about.
func opField(op string) string {
	if op == "undo" || op == "redo" {
		return "op"
	}
	return ""
}

// command builds the edit command of one line; on error it also names the field at fault.
func (s *lineEditor) command(e editLine) (workshop.Command, string, error) {
	m, err := s.mapOf(e)
	if err != nil {
		return nil, "map", err
	}
	switch e.Op {
	case "move":
		stage, field, err := stageOf(m, e)
		if err != nil {
			return nil, field, err
		}
		for _, p := range []struct {
			field string
			value *float64
		}{{"x", e.X}, {"y", e.Y}} {
			if p.value == nil {
				return nil, p.field, errors.New("missing")
			}
			if err := workshop.CheckPosition(*p.value); err != nil {
				return nil, p.field, err
			}
		}
		return &workshop.MoveStage{MapID: m.ID, StageID: stage.ID, X: *e.X, Y: *e.Y}, "", nil
	case "add":
		return s.addCommand(m, e)
	case "wait", "process", "rename":
		stage, field, err := stageOf(m, e)
		if err != nil {
			return nil, field, err
		}
		edited := *stage
		if field, err := s.setFields(&edited, e, e.Op); err != nil {
			return nil, field, err
		}
		return &workshop.EditStage{MapID: m.ID, StageID: stage.ID, Stage: edited}, "", nil
	case "delete":
		stage, field, err := stageOf(m, e)
		if err != nil {
			return nil, field, err
		}
		return &workshop.DeleteStage{MapID: m.ID, StageID: stage.ID}, "", nil
	case "":
		return nil, "op", errors.New("missing; use move, add, wait, process, rename, delete, undo or redo")
	}
	return nil, "op", fmt.Errorf("unknown op %q; use move, add, wait, process, rename, delete, undo or redo", e.Op)
}

func (s *lineEditor) addCommand(m *workshop.Map, e editLine) (workshop.Command, string, error) {
	if e.Name == nil || strings.TrimSpace(*e.Name) == "" {
		return nil, "name", errors.New("missing; a new stage needs a name")
	}
	stage := workshop.Stage{Name: *e.Name}
	if e.Department != nil {
		stage.Department = strings.TrimSpace(*e.Department)
	}
	if e.X != nil && e.Y != nil {
		stage.X, stage.Y = *e.X, *e.Y
	}
	for _, p := range []struct {
		field string
		value float64
	}{{"x", stage.X}, {"y", stage.Y}} {
		if err := workshop.CheckPosition(p.value); err != nil {
			return nil, p.field, err
		}
	}
	for _, field := range []string{"process", "wait"} {
		if field, err := s.setFields(&stage, e, field); err != nil {
			return nil, field, err
		}
	}
	return &workshop.AddStage{MapID: m.ID, Stage: stage}, "", nil
}

// setFields copies the line's value for one op ("wait", "process", "rename") onto the stage.
// For "wait" and "process" a field left out keeps the stage's value only when adding.
func (s *lineEditor) setFields(stage *workshop.Stage, e editLine, what string) (string, error) {
	switch what {
	case "rename":
		if e.Name == nil || strings.TrimSpace(*e.Name) == "" {
			return "name", errors.New("missing; a stage needs a name")
		}
		stage.Name = *e.Name
		return "", nil
	case "wait", "process":
		raw := e.Wait
		target := &stage.Wait
		if what == "process" {
			raw, target = e.Process, &stage.Process
		}
		if len(raw) == 0 {
			if e.Op == "add" {
				return "", nil
			}
			return what, errors.New("missing; write minutes or a duration such as 2d 4h")
		}
		minutes, err := s.duration(raw)
		if err != nil {
			return what, err
		}
		*target = minutes
		return "", nil
	}
	return "op", fmt.Errorf("unknown op %q", what)
}

// duration reads a JSON number (minutes) or a duration string with the workshop's calendar.
func (s *lineEditor) duration(raw json.RawMessage) (float64, error) {
	return workshop.ReadDuration(raw, s.w.Calendar)
}

// mapOf finds the line's map; left out, it is the workshop's first map.
func (s *lineEditor) mapOf(e editLine) (*workshop.Map, error) {
	if e.Map == "" {
		if len(s.w.Maps) == 0 {
			return nil, fmt.Errorf("workshop %q has no map", s.w.Name)
		}
		return s.w.Maps[0], nil
	}
	if m := s.w.MapByID(e.Map); m != nil {
		return m, nil
	}
	ids := make([]string, len(s.w.Maps))
	for i, m := range s.w.Maps {
		ids[i] = m.ID
	}
	return nil, fmt.Errorf("workshop %q has no map %q (maps: %s)", s.w.Name, e.Map, strings.Join(ids, ", "))
}

func stageOf(m *workshop.Map, e editLine) (*workshop.Stage, string, error) {
	if e.Stage == "" {
		return nil, "stage", errors.New("missing; give a stage id")
	}
	if stage := m.Stage(e.Stage); stage != nil {
		return stage, "", nil
	}
	return nil, "stage", fmt.Errorf("map %q (%s) has no stage %q", m.Name, m.ID, e.Stage)
}

// jsonProblem says what is wrong with a line in the user's words rather than Go's.
func jsonProblem(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		if typeErr.Field == "" {
			return fmt.Errorf("got %s, want an object such as {\"op\":\"undo\"}", typeErr.Value)
		}
		want := "text"
		if strings.Contains(typeErr.Type.String(), "float") {
			want = "a number"
		}
		if strings.HasPrefix(typeErr.Value, "number") && want == "a number" {
			return fmt.Errorf("%s is out of range", typeErr.Value)
		}
		return fmt.Errorf("got %s, want %s", typeErr.Value, want)
	}
	if strings.HasPrefix(err.Error(), "json: unknown field ") {
		return errors.New("unknown field; an edit has op, map, stage, x, y, name, department, process and wait")
	}
	return fmt.Errorf("not a JSON edit: %v", err)
}

// jsonErrorField digs the field name out of encoding/json's errors, where it has one.
func jsonErrorField(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return typeErr.Field
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return strings.Trim(name, `"`)
	}
	return ""
}
