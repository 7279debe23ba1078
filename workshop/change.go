package workshop

import "slices"

// Change names exactly what an applied (or undone) command touched, so that the store writes
// those rows and no others, the canvas refreshes only those cards, and autosave copies only
// those rows. Changes of a batch merge by union; nothing widens to "the whole map".
type Change struct {
	Workshop bool        // the workshop's own fields: name, facilitator, date, participants, notes, calendar
	MapList  bool        // maps were added, removed or reordered
	Maps     []MapChange // each touched map once, in the order it was first touched
}

// MapChange is what a change touched inside one map.
type MapChange struct {
	MapID  string
	Fields bool     // the map's name, state or baseline
	Stages []string // stages added, edited, moved or removed, each once, in the order touched
	// MovedOnly says the stages named only changed position: no figure, name or flow changed,
	// so a drag's commit re-places cards without recomputing any panel.
	MovedOnly bool
	Flows     bool // the map's flows, as a list
	Ideas     bool // the map's improvement ideas, as a list
}

// StagesChanged says that these stages of a map were added, edited, moved or removed.
func StagesChanged(mapID string, stageIDs ...string) Change {
	return Change{Maps: []MapChange{{MapID: mapID, Stages: dedupe(stageIDs)}}}
}

// StagesMoved says that these stages of a map changed position and nothing else.
func StagesMoved(mapID string, stageIDs ...string) Change {
	ch := StagesChanged(mapID, stageIDs...)
	ch.Maps[0].MovedOnly = len(ch.Maps[0].Stages) > 0
	return ch
}

// FlowsChanged says that a map's flows changed.
func FlowsChanged(mapID string) Change { return Change{Maps: []MapChange{{MapID: mapID, Flows: true}}} }

// IdeasChanged says that a map's ideas changed.
func IdeasChanged(mapID string) Change { return Change{Maps: []MapChange{{MapID: mapID, Ideas: true}}} }

// MapFieldsChanged says that a map's name, state or baseline changed.
func MapFieldsChanged(mapID string) Change {
	return Change{Maps: []MapChange{{MapID: mapID, Fields: true}}}
}

// WorkshopFieldsChanged says that the workshop's own fields changed.
func WorkshopFieldsChanged() Change { return Change{Workshop: true} }

// MapListChanged says that maps were added, removed or reordered.
func MapListChanged() Change { return Change{MapList: true} }

// WholeMapChanged names every row of a map: a map that was added, or put back by an undo.
func WholeMapChanged(m *Map) Change {
	ids := make([]string, len(m.Stages))
	for i, s := range m.Stages {
		ids[i] = s.ID
	}
	return Change{Maps: []MapChange{{MapID: m.ID, Fields: true, Stages: dedupe(ids), Flows: true, Ideas: true}}}
}

// Union returns a change that covers both.
func (c Change) Union(o Change) Change {
	out := Change{Workshop: c.Workshop || o.Workshop, MapList: c.MapList || o.MapList}
	out.Maps = append(out.Maps, c.Maps...)
	for i := range out.Maps {
		out.Maps[i].Stages = dedupe(out.Maps[i].Stages)
	}
	for _, mc := range o.Maps {
		i := slices.IndexFunc(out.Maps, func(x MapChange) bool { return x.MapID == mc.MapID })
		if i < 0 {
			mc.Stages = dedupe(mc.Stages)
			out.Maps = append(out.Maps, mc)
			continue
		}
		merged := &out.Maps[i]
		movedOnly := (len(merged.Stages) == 0 || merged.MovedOnly) && (len(mc.Stages) == 0 || mc.MovedOnly)
		merged.Fields = merged.Fields || mc.Fields
		merged.Flows = merged.Flows || mc.Flows
		merged.Ideas = merged.Ideas || mc.Ideas
		merged.Stages = dedupe(append(merged.Stages, mc.Stages...))
		merged.MovedOnly = movedOnly && len(merged.Stages) > 0
	}
	return out
}

// Map returns what the change touched in one map, and whether it touched that map at all.
func (c Change) Map(mapID string) (MapChange, bool) {
	for _, mc := range c.Maps {
		if mc.MapID == mapID {
			return mc, true
		}
	}
	return MapChange{}, false
}

// FirstMap is the map the change touched first ("" for none): the one to bring on screen after
// an undo.
func (c Change) FirstMap() string {
	if len(c.Maps) == 0 {
		return ""
	}
	return c.Maps[0].MapID
}

// IsZero tells whether the change touched nothing.
func (c Change) IsZero() bool { return !c.Workshop && !c.MapList && len(c.Maps) == 0 }

// OnlyStages tells whether, inside this map, the change touched stage rows and nothing else:
// a move or an edit of a card, which the canvas can redraw in place.
func (mc MapChange) OnlyStages() bool { return !mc.Fields && !mc.Flows && !mc.Ideas }

// dedupe copies ids without repeats; an empty list is nil, so that equal changes compare equal.
func dedupe(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
