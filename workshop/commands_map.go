package workshop

import (
	"fmt"
	"strings"
)

// AddFlow connects two stages. A forward flow that would close a loop is refused.
type AddFlow struct {
	MapID string
	Flow  Flow
}

func (c *AddFlow) Label() string { return "Connect stages" }

func (c *AddFlow) Apply(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	if err := m.CheckNewFlow(c.Flow); err != nil {
		return Change{}, err
	}
	if err := w.checkRoomFor(0, 0, 1, 0); err != nil {
		return Change{}, err
	}
	m.Flows = append(m.Flows, c.Flow)
	return FlowsChanged(m.ID), nil
}

func (c *AddFlow) Undo(w *Workshop) (Change, error) {
	return removeFlow(w, c.MapID, c.Flow.From, c.Flow.To)
}

func removeFlow(w *Workshop, mapID, from, to string) (Change, error) {
	m, err := findMap(w, mapID)
	if err != nil {
		return Change{}, err
	}
	i := m.FlowIndex(from, to)
	if i < 0 {
		return Change{}, fmt.Errorf("map %q has no flow %s → %s", m.Name, from, to)
	}
	m.Flows = append(m.Flows[:i:i], m.Flows[i+1:]...)
	return FlowsChanged(m.ID), nil
}

// DeleteFlow removes the flow From → To.
type DeleteFlow struct {
	MapID, From, To string
	removed         Flow
	at              int
}

func (c *DeleteFlow) Label() string { return "Delete flow" }

func (c *DeleteFlow) Apply(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	c.at = m.FlowIndex(c.From, c.To)
	if c.at >= 0 {
		c.removed = m.Flows[c.at]
	}
	return removeFlow(w, c.MapID, c.From, c.To)
}

func (c *DeleteFlow) Undo(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	m.Flows = append(m.Flows[:c.at:c.at], append([]Flow{c.removed}, m.Flows[c.at:]...)...)
	return FlowsChanged(m.ID), nil
}

// EditFlow changes whether a flow is rework, and its rework percent. Turning rework into a
// forward flow is refused if it would close a loop.
type EditFlow struct {
	MapID, From, To string
	Rework          bool
	ReworkPercent   float64
	before          Flow
}

func (c *EditFlow) Label() string { return "Edit flow" }

func (c *EditFlow) Apply(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	i := m.FlowIndex(c.From, c.To)
	if i < 0 {
		return Change{}, fmt.Errorf("map %q has no flow %s → %s", m.Name, c.From, c.To)
	}
	c.before = m.Flows[i]
	trial := m.Clone()
	trial.Flows = append(trial.Flows[:i:i], trial.Flows[i+1:]...)
	after := Flow{From: c.From, To: c.To, Rework: c.Rework, ReworkPercent: c.ReworkPercent}
	if err := trial.CheckNewFlow(after); err != nil {
		return Change{}, err
	}
	m.Flows[i] = after
	return FlowsChanged(m.ID), nil
}

func (c *EditFlow) Undo(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	if i := m.FlowIndex(c.From, c.To); i >= 0 {
		m.Flows[i] = c.before
	}
	return FlowsChanged(m.ID), nil
}

// SetIdeas replaces the improvement ideas of a map; the side panel edits them as a list.
type SetIdeas struct {
	MapID  string
	Ideas  []Idea
	before []Idea
}

func (c *SetIdeas) Label() string { return "Edit ideas" }

func (c *SetIdeas) Apply(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	for _, idea := range c.Ideas {
		if idea.Stage != "" && m.Stage(idea.Stage) == nil {
			return Change{}, &FieldError{Map: m.Name, Field: "idea stage", Value: idea.Stage, Problem: "names no stage of this map"}
		}
	}
	if err := w.checkRoomFor(0, 0, 0, len(c.Ideas)-len(m.Ideas)); err != nil {
		return Change{}, err
	}
	if errs := (&Map{Name: m.Name, Ideas: c.Ideas}).checkLengths(); len(errs) > 0 {
		return Change{}, errs[0]
	}
	c.before = append([]Idea(nil), m.Ideas...)
	m.Ideas = append([]Idea(nil), c.Ideas...)
	return IdeasChanged(m.ID), nil
}

func (c *SetIdeas) Undo(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	m.Ideas = c.before
	return IdeasChanged(m.ID), nil
}

// AddMap adds a map to the workshop; an empty ID gets a fresh one.
type AddMap struct {
	Map *Map
}

func (c *AddMap) Label() string { return "Add map" }

func (c *AddMap) Apply(w *Workshop) (Change, error) {
	if c.Map.ID == "" {
		c.Map.ID = w.NewMapID()
	}
	if w.MapByID(c.Map.ID) != nil {
		return Change{}, fmt.Errorf("workshop already has a map with id %q", c.Map.ID)
	}
	if err := c.Map.Validate(); err != nil {
		return Change{}, err
	}
	if err := w.checkRoomFor(1, len(c.Map.Stages), len(c.Map.Flows), len(c.Map.Ideas)); err != nil {
		return Change{}, err
	}
	added := c.Map.Clone()
	w.Maps = append(w.Maps, added)
	return MapListChanged().Union(WholeMapChanged(added)), nil
}

func (c *AddMap) Undo(w *Workshop) (Change, error) {
	return (&DeleteMap{MapID: c.Map.ID}).Apply(w)
}

// FutureStateOf returns a copy of the map as a future state that names it as its baseline.
func FutureStateOf(w *Workshop, base *Map) *Map {
	future := base.Clone()
	future.ID = w.NewMapID()
	future.Name = base.Name + " (future)"
	for w.MapByName(future.Name) != nil {
		future.Name += "′"
	}
	future.State = Future
	future.Baseline = base.Name
	future.Observed = nil // a future state is a model; nothing about it was measured
	return future
}

// DeleteMap removes a map; Undo puts it back where it was. Future states that named it as
// their baseline lose that baseline, which would otherwise make the workshop fail Validate.
type DeleteMap struct {
	MapID    string
	removed  *Map
	at       int
	orphaned []*Map // future states whose baseline was cleared
}

func (c *DeleteMap) Label() string { return "Delete map" }

func (c *DeleteMap) Apply(w *Workshop) (Change, error) {
	for i, m := range w.Maps {
		if m.ID == c.MapID {
			c.removed, c.at, c.orphaned = m, i, nil
			w.Maps = append(w.Maps[:i:i], w.Maps[i+1:]...)
			if w.MapByName(m.Name) == nil { // another map of the same name keeps the link valid
				for _, other := range w.Maps {
					if other.Baseline == m.Name {
						other.Baseline = ""
						c.orphaned = append(c.orphaned, other)
					}
				}
			}
			return orphansChanged(MapListChanged(), c.orphaned), nil
		}
	}
	return Change{}, fmt.Errorf("no map with id %q", c.MapID)
}

// orphansChanged adds the future states whose baseline followed a deleted map.
func orphansChanged(ch Change, orphaned []*Map) Change {
	for _, m := range orphaned {
		ch = ch.Union(MapFieldsChanged(m.ID))
	}
	return ch
}

func (c *DeleteMap) Undo(w *Workshop) (Change, error) {
	w.Maps = append(w.Maps[:c.at:c.at], append([]*Map{c.removed}, w.Maps[c.at:]...)...)
	for _, other := range c.orphaned {
		other.Baseline = c.removed.Name
	}
	return orphansChanged(MapListChanged().Union(WholeMapChanged(c.removed)), c.orphaned), nil
}

// EditMap changes a map's name, state and baseline. Renaming a map keeps the future states
// that name it as their baseline pointing at it.
type EditMap struct {
	MapID    string
	Name     string
	State    State
	Baseline string
	before   []mapHeading
}

// mapHeading is what EditMap may change on any map: the edited map's fields, and the baselines
// of the future states that follow a rename.
type mapHeading struct {
	id, name, baseline string
	state              State
}

func (c *EditMap) Label() string { return "Edit map" }

func (c *EditMap) Apply(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	if c.State != Current && c.State != Future {
		return Change{}, &FieldError{Map: m.Name, Field: "state", Value: string(c.State), Problem: "must be current or future"}
	}
	if err := checkLength(m.Name, "", "map name", c.Name, MaxNameLength); err != nil {
		return Change{}, err
	}
	// The baseline may not be the map itself, by its new name or by the old one it is leaving.
	if c.Baseline != "" && (c.Baseline == c.Name || w.MapByName(c.Baseline) == nil || w.MapByName(c.Baseline) == m) {
		return Change{}, &FieldError{Map: m.Name, Field: "baseline", Value: c.Baseline, Problem: "names no other map of this workshop"}
	}
	c.before = c.before[:0]
	for _, other := range w.Maps {
		c.before = append(c.before, mapHeading{id: other.ID, name: other.Name, baseline: other.Baseline, state: other.State})
	}
	ch := MapFieldsChanged(m.ID)
	for _, other := range w.Maps {
		if other != m && other.Baseline == m.Name {
			other.Baseline = c.Name
			ch = ch.Union(MapFieldsChanged(other.ID))
		}
	}
	m.Name, m.State, m.Baseline = c.Name, c.State, c.Baseline
	return ch, nil
}

// Undo restores the fields in place rather than swapping in copies of the maps, so that a
// *Map or *Stage the UI holds stays the live one.
func (c *EditMap) Undo(w *Workshop) (Change, error) {
	ch := MapFieldsChanged(c.MapID)
	for _, h := range c.before {
		if m := w.MapByID(h.id); m != nil {
			if m.Name != h.name || m.State != h.state || m.Baseline != h.baseline {
				ch = ch.Union(MapFieldsChanged(m.ID))
			}
			m.Name, m.State, m.Baseline = h.name, h.state, h.baseline
		}
	}
	return ch, nil
}

// WorkshopFields are the workshop's own fields, edited together in the details form.
type WorkshopFields struct {
	Name, Facilitator, Date, Notes string
	Participants                   []string
	Calendar                       Calendar
}

// Fields returns the workshop's current fields.
func (w *Workshop) Fields() WorkshopFields {
	return WorkshopFields{Name: w.Name, Facilitator: w.Facilitator, Date: w.Date, Notes: w.Notes,
		Participants: append([]string(nil), w.Participants...), Calendar: w.Calendar}
}

func (w *Workshop) setFields(f WorkshopFields) {
	w.Name, w.Facilitator, w.Date, w.Notes = f.Name, f.Facilitator, f.Date, f.Notes
	w.Participants = append([]string(nil), f.Participants...)
	w.Calendar = f.Calendar
}

// EditWorkshop replaces the workshop's own fields. Replayed on a copy another writer changed
// (a rename in the library view), it changes only the fields its user changed.
type EditWorkshop struct {
	Fields WorkshopFields
	before WorkshopFields
	base   *WorkshopFields // the fields when the edit was first applied
}

func (c *EditWorkshop) Label() string { return "Edit workshop" }

func (c *EditWorkshop) Apply(w *Workshop) (Change, error) {
	if c.base == nil {
		base := w.Fields()
		c.base = &base
	}
	f := mergeEdit(w.Fields(), *c.base, c.Fields)
	if strings.TrimSpace(f.Name) == "" { // the same rule as Validate, so a saved workshop stays valid
		return Change{}, &FieldError{Field: "workshop name", Problem: "must not be empty"}
	}
	if !(f.Calendar.HoursPerDay > 0 && f.Calendar.HoursPerDay <= 24) {
		return Change{}, &FieldError{Field: "hours per day", Value: fmt.Sprint(f.Calendar.HoursPerDay), Problem: "must be more than 0 and at most 24"}
	}
	if !(f.Calendar.DaysPerWeek > 0 && f.Calendar.DaysPerWeek <= 7) {
		return Change{}, &FieldError{Field: "days per week", Value: fmt.Sprint(f.Calendar.DaysPerWeek), Problem: "must be more than 0 and at most 7"}
	}
	trial := Workshop{Participants: f.Participants}
	trial.setFields(f)
	if errs := trial.checkLengths(); len(errs) > 0 {
		return Change{}, errs[0]
	}
	if len(f.Participants) > MaxParticipants {
		return Change{}, fmt.Errorf("a workshop may hold at most %d participants", MaxParticipants)
	}
	c.before = w.Fields()
	w.setFields(f)
	return WorkshopFieldsChanged(), nil
}

func (c *EditWorkshop) Undo(w *Workshop) (Change, error) {
	w.setFields(c.before)
	return WorkshopFieldsChanged(), nil
}

// Batch applies several commands as one undo step, e.g. deleting a selection.
type Batch struct {
	Name     string
	Commands []Command
}

func (c *Batch) Label() string { return c.Name }

func (c *Batch) Apply(w *Workshop) (Change, error) {
	var changes []Change
	for i, sub := range c.Commands {
		ch, err := sub.Apply(w)
		if err != nil {
			for j := i - 1; j >= 0; j-- {
				_, _ = c.Commands[j].Undo(w)
			}
			return Change{}, err
		}
		changes = append(changes, ch)
	}
	return merge(changes), nil
}

func (c *Batch) Undo(w *Workshop) (Change, error) {
	var changes []Change
	for i := len(c.Commands) - 1; i >= 0; i-- {
		ch, err := c.Commands[i].Undo(w)
		if err != nil {
			return Change{}, err
		}
		changes = append(changes, ch)
	}
	return merge(changes), nil
}

// merge is the union of several changes.
func merge(changes []Change) Change {
	var out Change
	for _, ch := range changes {
		out = out.Union(ch)
	}
	return out
}
