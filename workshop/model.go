// Package workshop is Leadline's domain: workshops, value-stream maps, durations, metrics and
// the edit commands that change them. It imports the standard library alone, so the store, the
// file formats, the handout and the UI can all build on it.
package workshop

// Calendar converts days and weeks to working minutes: a workshop talks in working days, not
// in calendar days.
type Calendar struct {
	HoursPerDay float64
	DaysPerWeek float64
}

// DefaultCalendar is an 8-hour day and a 5-day week.
var DefaultCalendar = Calendar{HoursPerDay: 8, DaysPerWeek: 5}

// MinutesPerDay is the length of one working day in minutes.
func (c Calendar) MinutesPerDay() float64 { return c.normalized().HoursPerDay * 60 }

// MinutesPerWeek is the length of one working week in minutes.
func (c Calendar) MinutesPerWeek() float64 { return c.MinutesPerDay() * c.normalized().DaysPerWeek }

// normalized falls back to the defaults for unset or nonsensical values, so that a zero
// Calendar never divides by zero.
func (c Calendar) normalized() Calendar {
	if !(c.HoursPerDay > 0 && c.HoursPerDay <= 24) {
		c.HoursPerDay = DefaultCalendar.HoursPerDay
	}
	if !(c.DaysPerWeek > 0 && c.DaysPerWeek <= 7) {
		c.DaysPerWeek = DefaultCalendar.DaysPerWeek
	}
	return c
}

// State tells a current-state map from a future-state one.
type State string

const (
	Current State = "current"
	Future  State = "future"
)

// Workshop is one value-stream-mapping session: who was there, and the maps they drew.
type Workshop struct {
	Name         string
	Facilitator  string
	Date         string // as typed, ideally YYYY-MM-DD
	Participants []string
	Notes        string
	Calendar     Calendar
	Maps         []*Map
}

// Map is one value stream: stages joined by flows.
type Map struct {
	ID       string // stable within the workshop; edit commands and the store address maps by it
	Name     string
	State    State
	Baseline string // for a future state: the Name of the map it improves on
	Stages   []*Stage
	Flows    []Flow
	Ideas    []Idea
	// Observed is the lead time measured from the event log the map was built from; nil for
	// a map drawn by hand (and for its future states, which are models).
	Observed *Observed
}

// Stage is one step of the value stream. Times are in working minutes.
type Stage struct {
	ID         string
	Name       string
	Department string
	Process    float64 // hands-on work time
	Wait       float64 // time the work sits before the stage starts
	CA         float64 // percent complete and accurate, 0–100; meaningful only when HasCA
	HasCA      bool
	People     int
	Notes      string
	X, Y       float64
	// The low and high estimates around Wait and Process, which are then the most likely
	// values; the forecast samples between them (see range.go).
	WaitRange    Range
	ProcessRange Range
}

// LeadTime is the stage's own lead time: wait + process.
func (s *Stage) LeadTime() float64 { return s.Wait + s.Process }

// Flow joins two stages. Forward flows carry the work on; rework flows send it back.
type Flow struct {
	From, To      string
	Rework        bool
	ReworkPercent float64
}

// Idea is an improvement idea (a kaizen burst) attached to a stage.
type Idea struct {
	Stage string
	Text  string
	Owner string
}

// NewWorkshop returns an empty workshop with the default calendar.
func NewWorkshop(name string) *Workshop {
	return &Workshop{Name: name, Calendar: DefaultCalendar}
}

// MapByID returns the map with that ID, or nil.
func (w *Workshop) MapByID(id string) *Map {
	for _, m := range w.Maps {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// MapByName returns the first map with that name, or nil.
func (w *Workshop) MapByName(name string) *Map {
	for _, m := range w.Maps {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// BaselineOf returns the map a future state improves on, or nil.
func (w *Workshop) BaselineOf(m *Map) *Map {
	if m.State != Future || m.Baseline == "" {
		return nil
	}
	b := w.MapByName(m.Baseline)
	if b == m {
		return nil
	}
	return b
}

// Stage returns the stage with that ID, or nil.
func (m *Map) Stage(id string) *Stage {
	if i := m.StageIndex(id); i >= 0 {
		return m.Stages[i]
	}
	return nil
}

// StageIndex returns the position of the stage in map order, or -1.
func (m *Map) StageIndex(id string) int {
	for i, s := range m.Stages {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// FlowIndex returns the position of the flow from → to, or -1.
func (m *Map) FlowIndex(from, to string) int {
	for i, f := range m.Flows {
		if f.From == from && f.To == to {
			return i
		}
	}
	return -1
}

// Clone returns a deep copy of the map, so that a future state or an undo snapshot never
// shares stages with its source.
func (m *Map) Clone() *Map {
	c := *m
	c.Stages = make([]*Stage, len(m.Stages))
	for i, s := range m.Stages {
		cp := *s
		c.Stages[i] = &cp
	}
	c.Flows = append([]Flow(nil), m.Flows...)
	c.Ideas = append([]Idea(nil), m.Ideas...)
	if m.Observed != nil {
		observed := *m.Observed
		c.Observed = &observed
	}
	return &c
}

// Clone returns a deep copy of the workshop.
func (w *Workshop) Clone() *Workshop {
	c := *w
	c.Participants = append([]string(nil), w.Participants...)
	c.Maps = make([]*Map, len(w.Maps))
	for i, m := range w.Maps {
		c.Maps[i] = m.Clone()
	}
	return &c
}
