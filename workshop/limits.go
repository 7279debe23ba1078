package workshop

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// Bounds on what one workshop may hold. No room maps more than this, and bounding every count
// keeps a hostile 10 MB file from costing minutes and gigabytes: import, edit and the app all
// check the same numbers through Validate and the edit commands.
const (
	MaxMaps         = 100
	MaxStages       = 5000 // all maps together
	MaxFlows        = 20000
	MaxIdeas        = 5000
	MaxParticipants = 500
	MaxNameLength   = 500   // characters of a workshop, map, stage, department or owner name
	MaxNotesLength  = 20000 // characters of notes or an idea's text
	// MaxPosition bounds canvas coordinates: beyond a million pixels a stage is lost off any
	// screen, and the figure is a typo or a runaway script.
	MaxPosition = 1e6
)

// TopDelays is how many of the longest delays are marked red: on the canvas, in the Delays
// panel and in the handout alike.
const TopDelays = 3

// MaxDelayRows caps a ranking of delays: past thirty rows the tail says nothing a manager acts
// on, and the stage details list every stage anyway.
const MaxDelayRows = 30

// CheckPosition refuses a coordinate that is not a number or lies off the canvas.
func CheckPosition(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxPosition {
		return fmt.Errorf("%g is off the canvas (at most ±%g)", v, float64(MaxPosition))
	}
	return nil
}

// checkLength refuses a text longer than limit characters, naming its length rather than
// quoting it: the text may be megabytes long.
func checkLength(mapName, stageName, field, text string, limit int) error {
	if len(text) <= limit { // bytes ≥ characters, so a short text needs no counting
		return nil
	}
	if n := utf8.RuneCountInString(text); n > limit {
		return &FieldError{Map: mapName, Stage: stageName, Field: field,
			Problem: fmt.Sprintf("is %d characters long; at most %d fit", n, limit)}
	}
	return nil
}

// checkCounts refuses a workshop that holds more maps, stages, flows or ideas than allowed, all
// maps together.
func (w *Workshop) checkCounts() error {
	stages, flows, ideas := 0, 0, 0
	for _, m := range w.Maps {
		stages += len(m.Stages)
		flows += len(m.Flows)
		ideas += len(m.Ideas)
	}
	return checkCount("a workshop", []countLimit{
		{"maps", len(w.Maps), MaxMaps},
		{"stages", stages, MaxStages},
		{"flows", flows, MaxFlows},
		{"ideas", ideas, MaxIdeas},
		{"participants", len(w.Participants), MaxParticipants},
	})
}

type countLimit struct {
	what         string
	count, limit int
}

func checkCount(holder string, limits []countLimit) error {
	for _, c := range limits {
		if c.count > c.limit {
			return fmt.Errorf("%d %s is more than the %d %s may hold", c.count, c.what, c.limit, holder)
		}
	}
	return nil
}

// checkCounts bounds a map's flows and ideas, for a map validated on its own. Stages are
// bounded for the workshop as a whole.
func (m *Map) checkCounts() error {
	if err := checkCount("a map", []countLimit{{"flows", len(m.Flows), MaxFlows}, {"ideas", len(m.Ideas), MaxIdeas}}); err != nil {
		return fmt.Errorf("map %q: %w", m.Name, err)
	}
	return nil
}

// checkLengths bounds the workshop's own texts.
func (w *Workshop) checkLengths() []error {
	var errs []error
	add := func(field, text string, limit int) {
		if err := checkLength("", "", field, text, limit); err != nil {
			errs = append(errs, err)
		}
	}
	add("workshop name", w.Name, MaxNameLength)
	add("facilitator", w.Facilitator, MaxNameLength)
	add("date", w.Date, MaxNameLength)
	add("notes", w.Notes, MaxNotesLength)
	for _, p := range w.Participants {
		add("participant", p, MaxNameLength)
	}
	return errs
}

// checkLengths bounds the map's name and its ideas' texts; stage texts are checked with the
// stage's figures, so that adding one stage checks them too.
func (m *Map) checkLengths() []error {
	var errs []error
	add := func(field, text string, limit int) {
		if err := checkLength(m.Name, "", field, text, limit); err != nil {
			errs = append(errs, err)
		}
	}
	add("map name", m.Name, MaxNameLength)
	add("baseline", m.Baseline, MaxNameLength)
	for _, idea := range m.Ideas {
		add("idea text", idea.Text, MaxNotesLength)
		add("idea owner", idea.Owner, MaxNameLength)
	}
	return errs
}

// checkRoomFor refuses an edit that would take the workshop over a bound: more maps, stages,
// flows or ideas than it may hold. The edit commands call it, so the app and `leadline edit`
// stop where an import is refused.
func (w *Workshop) checkRoomFor(maps, stages, flows, ideas int) error {
	for _, c := range []countLimit{
		{"maps", len(w.Maps) + maps, MaxMaps},
		{"stages", w.count(func(m *Map) int { return len(m.Stages) }) + stages, MaxStages},
		{"flows", w.count(func(m *Map) int { return len(m.Flows) }) + flows, MaxFlows},
		{"ideas", w.count(func(m *Map) int { return len(m.Ideas) }) + ideas, MaxIdeas},
	} {
		if c.count > c.limit {
			return fmt.Errorf("a workshop may hold at most %d %s", c.limit, c.what)
		}
	}
	return nil
}

func (w *Workshop) count(of func(*Map) int) int {
	n := 0
	for _, m := range w.Maps {
		n += of(m)
	}
	return n
}
