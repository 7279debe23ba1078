package formats

import (
	"bytes"
	"encoding/json"
	"fmt"

	"leadline.app/leadline/workshop"
)

// The Leadline JSON shapes as written: struct fields fix the key order, so the bytes are the
// same every time and a diff of two exports shows only what changed.
type leadlineOut struct {
	Name         string           `json:"name"`
	Facilitator  string           `json:"facilitator"`
	Date         string           `json:"date"`
	Participants []string         `json:"participants"`
	Notes        string           `json:"notes"`
	Calendar     leadlineCalendar `json:"calendar"`
	Maps         []leadlineMapW   `json:"maps"`
}

type leadlineMapW struct {
	Name     string           `json:"name"`
	State    string           `json:"state"`
	Baseline string           `json:"baseline,omitempty"`
	Stages   []leadlineStageW `json:"stages"`
	Flows    []leadlineFlow   `json:"flows"`
	Ideas    []leadlineIdea   `json:"ideas"`
	Observed *ObservedJSON    `json:"observed,omitempty"`
}

type leadlineStageW struct {
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	Department   string      `json:"department"`
	Process      float64     `json:"process"`
	Wait         float64     `json:"wait"`
	WaitRange    *[2]float64 `json:"waitRange,omitempty"` // [low, high]; left out when the time is certain
	ProcessRange *[2]float64 `json:"processRange,omitempty"`
	CA           *float64    `json:"ca,omitempty"` // left out when not recorded, so "not recorded" survives
	People       int         `json:"people"`
	Notes        string      `json:"notes"`
	X            float64     `json:"x"`
	Y            float64     `json:"y"`
}

// ExportLeadline writes the workshop as indented Leadline JSON, times in minutes, ending in
// a newline.
func ExportLeadline(w *workshop.Workshop) ([]byte, error) {
	if w == nil {
		return nil, fmt.Errorf("export: no workshop")
	}
	out := leadlineOut{
		Name:         w.Name,
		Facilitator:  w.Facilitator,
		Date:         w.Date,
		Participants: orEmpty(w.Participants),
		Notes:        w.Notes,
		Calendar:     exportCalendar(w.Calendar),
		Maps:         []leadlineMapW{},
	}
	for _, m := range w.Maps {
		mw := leadlineMapW{
			Name: m.Name, State: string(m.State), Baseline: m.Baseline,
			Stages: []leadlineStageW{}, Flows: []leadlineFlow{}, Ideas: []leadlineIdea{},
			Observed: observedJSON(m.Observed),
		}
		for _, s := range m.Stages {
			sw := leadlineStageW{ID: s.ID, Name: s.Name, Department: s.Department, Process: s.Process, Wait: s.Wait,
				People: s.People, Notes: s.Notes, X: s.X, Y: s.Y}
			sw.WaitRange, sw.ProcessRange = exportRange(s.WaitRange), exportRange(s.ProcessRange)
			if s.HasCA {
				ca := s.CA
				sw.CA = &ca
			}
			mw.Stages = append(mw.Stages, sw)
		}
		for _, f := range m.Flows {
			mw.Flows = append(mw.Flows, leadlineFlow{From: f.From, To: f.To, Rework: f.Rework, ReworkPercent: f.ReworkPercent})
		}
		for _, idea := range m.Ideas {
			mw.Ideas = append(mw.Ideas, leadlineIdea{Stage: idea.Stage, Text: idea.Text, Owner: idea.Owner})
		}
		out.Maps = append(out.Maps, mw)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Keep "→", "&" and "<" readable in a file people open in an editor.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("export %q: %w", w.Name, err)
	}
	return buf.Bytes(), nil
}

// exportCalendar writes the calendar the model computes with: an unset or nonsensical value
// falls back to the default there, so it is written as the default here.
func exportCalendar(c workshop.Calendar) leadlineCalendar {
	out := leadlineCalendar{HoursPerDay: c.HoursPerDay, DaysPerWeek: c.DaysPerWeek}
	if !(out.HoursPerDay > 0 && out.HoursPerDay <= 24) {
		out.HoursPerDay = workshop.DefaultCalendar.HoursPerDay
	}
	if !(out.DaysPerWeek > 0 && out.DaysPerWeek <= 7) {
		out.DaysPerWeek = workshop.DefaultCalendar.DaysPerWeek
	}
	return out
}

func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

func exportRange(r workshop.Range) *[2]float64 {
	if !r.IsSet() {
		return nil
	}
	return &[2]float64{r.Low, r.High}
}
