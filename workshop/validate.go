package workshop

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// FieldError names the map, stage and field that hold a bad value.
type FieldError struct {
	Map     string
	Stage   string // the stage name, or "" for map-level fields
	Field   string
	Value   string
	Problem string
}

func (e *FieldError) Error() string {
	var where []string
	if e.Map != "" {
		where = append(where, fmt.Sprintf("map %q", Shorten(e.Map, 80)))
	}
	if e.Stage != "" {
		where = append(where, fmt.Sprintf("stage %q", Shorten(e.Stage, 80)))
	}
	where = append(where, e.Field)
	msg := strings.Join(where, " ")
	if e.Value != "" {
		msg += fmt.Sprintf(" %q", Shorten(e.Value, 80)) // a value may be megabytes of junk
	}
	return msg + ": " + e.Problem
}

// LoopError reports a loop of forward flows, naming its stages in order.
type LoopError struct {
	Map    string
	Stages []string // stage names around the loop; the first is repeated at the end
}

func (e *LoopError) Error() string {
	return fmt.Sprintf("map %q: forward flows make a loop %s; draw the way back as a rework flow",
		e.Map, strings.Join(quoteAll(e.Stages), " → "))
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return out
}

// Validate checks the whole workshop and returns every problem found, joined.
func (w *Workshop) Validate() error {
	// Counts first: a workshop over the bounds is refused before anything costs time.
	if err := w.checkCounts(); err != nil {
		return err
	}
	var errs []error
	if strings.TrimSpace(w.Name) == "" {
		errs = append(errs, &FieldError{Field: "workshop name", Problem: "must not be empty"})
	}
	errs = append(errs, w.checkLengths()...)
	mapIDs := make(map[string]bool, len(w.Maps))
	mapNames := make(map[string]bool, len(w.Maps))
	for _, m := range w.Maps {
		mapNames[m.Name] = true
	}
	for _, m := range w.Maps {
		if mapIDs[m.ID] {
			errs = append(errs, &FieldError{Map: m.Name, Field: "map id", Value: m.ID, Problem: "is used twice"})
		}
		mapIDs[m.ID] = true
		if m.State != Current && m.State != Future {
			errs = append(errs, &FieldError{Map: m.Name, Field: "state", Value: string(m.State), Problem: "must be current or future"})
		}
		if m.Baseline != "" && (!mapNames[m.Baseline] || m.Baseline == m.Name) {
			errs = append(errs, &FieldError{Map: m.Name, Field: "baseline", Value: m.Baseline, Problem: "names no other map of this workshop"})
		}
		if err := m.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Validate checks one map: its size, stage figures, flow ends, and that forward flows form no
// loop.
func (m *Map) Validate() error {
	if err := m.checkCounts(); err != nil {
		return err
	}
	var errs []error
	errs = append(errs, m.checkLengths()...)
	ids := map[string]bool{}
	for _, s := range m.Stages {
		if s.ID == "" {
			errs = append(errs, &FieldError{Map: m.Name, Stage: s.Name, Field: "id", Problem: "must not be empty"})
		} else if ids[s.ID] {
			errs = append(errs, &FieldError{Map: m.Name, Stage: s.Name, Field: "id", Value: s.ID, Problem: "is used by another stage"})
		}
		ids[s.ID] = true
		errs = append(errs, s.validateFigures(m.Name)...)
	}
	stageByID := m.stagesByID()
	seen := map[[2]string]bool{}
	for _, f := range m.Flows {
		if err := m.checkFlow(f, seen, stageByID); err != nil {
			errs = append(errs, err)
		}
		seen[[2]string{f.From, f.To}] = true
	}
	for _, idea := range m.Ideas {
		if idea.Stage != "" && !ids[idea.Stage] {
			errs = append(errs, &FieldError{Map: m.Name, Field: "idea stage", Value: idea.Stage, Problem: "names no stage of this map"})
		}
	}
	if err := m.Observed.validate(m.Name); err != nil {
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		if _, err := m.forwardOrder(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (s *Stage) validateFigures(mapName string) []error {
	var errs []error
	bad := func(field string, v float64, problem string) {
		errs = append(errs, &FieldError{Map: mapName, Stage: s.Name, Field: field, Value: fmt.Sprint(v), Problem: problem})
	}
	for _, t := range []struct {
		field string
		value float64
	}{{"process time", s.Process}, {"wait time", s.Wait}} {
		switch {
		case math.IsNaN(t.value) || math.IsInf(t.value, 0):
			bad(t.field, t.value, "is not a number")
		case t.value < 0:
			bad(t.field, t.value, "must not be negative")
		case t.value > MaxMinutes:
			bad(t.field, t.value, "is too large")
		}
	}
	errs = append(errs, s.WaitRange.validate(mapName, s.Name, "wait range", s.Wait)...)
	errs = append(errs, s.ProcessRange.validate(mapName, s.Name, "process range", s.Process)...)
	if s.HasCA && !(s.CA >= 0 && s.CA <= 100) {
		bad("%C&A", s.CA, "must be between 0 and 100")
	}
	if s.People < 0 {
		bad("people", float64(s.People), "must not be negative")
	}
	for _, p := range []struct {
		field string
		value float64
	}{{"x", s.X}, {"y", s.Y}} {
		if err := CheckPosition(p.value); err != nil {
			errs = append(errs, &FieldError{Map: mapName, Stage: s.Name, Field: p.field, Problem: err.Error()})
		}
	}
	for _, t := range []struct {
		field, text string
		limit       int
	}{{"name", s.Name, MaxNameLength}, {"department", s.Department, MaxNameLength}, {"notes", s.Notes, MaxNotesLength}} {
		if err := checkLength(mapName, s.Name, t.field, t.text, t.limit); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// stagesByID indexes the stages, the first one winning as in Map.Stage, so that checking every
// flow costs O(stages + flows) rather than O(stages × flows) on a 5,000-stage import.
func (m *Map) stagesByID() map[string]*Stage {
	byID := make(map[string]*Stage, len(m.Stages))
	for _, s := range m.Stages {
		if _, taken := byID[s.ID]; !taken {
			byID[s.ID] = s
		}
	}
	return byID
}

// checkFlow tells why a flow cannot stand in the map, given the flows already seen.
func (m *Map) checkFlow(f Flow, seen map[[2]string]bool, stageByID map[string]*Stage) error {
	from, to := stageByID[f.From], stageByID[f.To]
	switch {
	case from == nil:
		return &FieldError{Map: m.Name, Field: "flow from", Value: f.From, Problem: "names no stage of this map"}
	case to == nil:
		return &FieldError{Map: m.Name, Field: "flow to", Value: f.To, Problem: "names no stage of this map"}
	case f.From == f.To:
		return &FieldError{Map: m.Name, Stage: from.Name, Field: "flow", Problem: "a stage cannot flow to itself"}
	case seen[[2]string{f.From, f.To}]:
		return &FieldError{Map: m.Name, Field: "flow", Value: from.Name + " → " + to.Name, Problem: "is drawn twice"}
	case !(f.ReworkPercent >= 0 && f.ReworkPercent <= 100):
		return &FieldError{Map: m.Name, Field: "rework percent", Value: fmt.Sprint(f.ReworkPercent), Problem: "must be between 0 and 100"}
	}
	return nil
}

// CheckNewFlow tells why a flow cannot be added to the map, or returns nil: unknown stages, a
// self-flow, a duplicate, or a forward flow that would close a loop.
func (m *Map) CheckNewFlow(f Flow) error {
	seen := make(map[[2]string]bool, len(m.Flows))
	for _, g := range m.Flows {
		seen[[2]string{g.From, g.To}] = true
	}
	if err := m.checkFlow(f, seen, m.stagesByID()); err != nil {
		return err
	}
	if f.Rework {
		return nil
	}
	trial := *m
	trial.Flows = append(append([]Flow(nil), m.Flows...), f)
	_, err := trial.forwardOrder()
	return err
}
