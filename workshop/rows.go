package workshop

// Rows is a copy of exactly what a Change names, taken where the model lives (the UI
// goroutine), so that a writer on another goroutine never reads a model being edited and never
// copies the whole workshop for a one-card move.
type Rows struct {
	Change Change
	Fields WorkshopFields // the workshop's own fields, when Change.Workshop
	Maps   []MapRows      // every map's heading in workshop order; touched maps carry their rows
}

// MapRows is one map's heading and, when the change touched them, its rows.
type MapRows struct {
	ID, Name, Baseline string
	State              State
	// Stages holds copies of the changed stages still on the map; a changed id missing here was
	// removed. Order lists every stage id in map order, when stages changed.
	Stages map[string]*Stage
	Order  []string
	Flows  []Flow // when the change names the map's flows
	Ideas  []Idea // when it names the map's ideas
	// Observed is the map's measured lead time, written with the map's heading; no command
	// changes it.
	Observed *Observed
}

// CopyRows copies what ch names out of w.
func CopyRows(w *Workshop, ch Change) *Rows {
	rows := &Rows{Change: ch.Union(Change{}), Maps: make([]MapRows, len(w.Maps))}
	if ch.Workshop {
		rows.Fields = w.Fields()
	}
	for i, m := range w.Maps {
		mr := MapRows{ID: m.ID, Name: m.Name, Baseline: m.Baseline, State: m.State, Observed: m.Observed}
		if mc, ok := ch.Map(m.ID); ok {
			copyMapRows(&mr, m, mc)
		}
		rows.Maps[i] = mr
	}
	return rows
}

func copyMapRows(mr *MapRows, m *Map, mc MapChange) {
	if len(mc.Stages) > 0 {
		mr.Stages = make(map[string]*Stage, len(mc.Stages))
		for _, id := range mc.Stages {
			if s := m.Stage(id); s != nil {
				c := *s
				mr.Stages[id] = &c
			}
		}
		mr.Order = make([]string, len(m.Stages))
		for i, s := range m.Stages {
			mr.Order[i] = s.ID
		}
	}
	if mc.Flows {
		mr.Flows = append([]Flow{}, m.Flows...)
	}
	if mc.Ideas {
		mr.Ideas = append([]Idea{}, m.Ideas...)
	}
}

// Map returns the rows of one map, or nil when the workshop no longer holds it.
func (r *Rows) Map(id string) *MapRows {
	for i := range r.Maps {
		if r.Maps[i].ID == id {
			return &r.Maps[i]
		}
	}
	return nil
}
