package workshop

import "fmt"

func findMap(w *Workshop, mapID string) (*Map, error) {
	if m := w.MapByID(mapID); m != nil {
		return m, nil
	}
	return nil, fmt.Errorf("no map with id %q", mapID)
}

func findStage(w *Workshop, mapID, stageID string) (*Map, int, error) {
	m, err := findMap(w, mapID)
	if err != nil {
		return nil, -1, err
	}
	i := m.StageIndex(stageID)
	if i < 0 {
		return nil, -1, fmt.Errorf("map %q has no stage with id %q", m.Name, stageID)
	}
	return m, i, nil
}

// AddStage puts a new stage on a map. An empty Stage.ID gets a fresh one.
type AddStage struct {
	MapID string
	Stage Stage
}

func (c *AddStage) Label() string { return "Add stage" }

func (c *AddStage) Apply(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	if c.Stage.ID == "" {
		c.Stage.ID = m.NewStageID()
	}
	if m.Stage(c.Stage.ID) != nil {
		return Change{}, fmt.Errorf("map %q already has a stage with id %q", m.Name, c.Stage.ID)
	}
	if errs := c.Stage.validateFigures(m.Name); len(errs) > 0 {
		return Change{}, errs[0]
	}
	if err := w.checkRoomFor(0, 1, 0, 0); err != nil {
		return Change{}, err
	}
	s := c.Stage
	m.Stages = append(m.Stages, &s)
	return StagesChanged(m.ID, s.ID), nil
}

func (c *AddStage) Undo(w *Workshop) (Change, error) {
	m, i, err := findStage(w, c.MapID, c.Stage.ID)
	if err != nil {
		return Change{}, err
	}
	m.Stages = append(m.Stages[:i], m.Stages[i+1:]...)
	return StagesChanged(m.ID, c.Stage.ID), nil
}

// MoveStage puts a stage at a new position on the canvas.
type MoveStage struct {
	MapID, StageID string
	X, Y           float64
	fromX, fromY   float64
}

func (c *MoveStage) Label() string { return "Move stage" }

func (c *MoveStage) Apply(w *Workshop) (Change, error) {
	m, i, err := findStage(w, c.MapID, c.StageID)
	if err != nil {
		return Change{}, err
	}
	for _, v := range []float64{c.X, c.Y} {
		if err := CheckPosition(v); err != nil {
			return Change{}, fmt.Errorf("move stage: %w", err)
		}
	}
	s := m.Stages[i]
	c.fromX, c.fromY = s.X, s.Y
	s.X, s.Y = c.X, c.Y
	return StagesMoved(m.ID, s.ID), nil
}

func (c *MoveStage) Undo(w *Workshop) (Change, error) {
	m, i, err := findStage(w, c.MapID, c.StageID)
	if err != nil {
		return Change{}, err
	}
	m.Stages[i].X, m.Stages[i].Y = c.fromX, c.fromY
	return StagesMoved(m.ID, c.StageID), nil
}

// EditStage replaces a stage's fields (all but its ID) with Stage's. Replayed on a copy another
// writer changed, it changes only the fields that differ from the stage it was first made on.
type EditStage struct {
	MapID, StageID string
	Stage          Stage
	before         Stage
	base           *Stage // the stage as it was when the edit was first applied
}

func (c *EditStage) Label() string { return "Edit stage" }

func (c *EditStage) Apply(w *Workshop) (Change, error) {
	m, i, err := findStage(w, c.MapID, c.StageID)
	if err != nil {
		return Change{}, err
	}
	if c.base == nil {
		base := *m.Stages[i]
		c.base = &base
	}
	after := mergeEdit(*m.Stages[i], *c.base, c.Stage)
	after.ID = c.StageID
	if errs := after.validateFigures(m.Name); len(errs) > 0 {
		return Change{}, errs[0]
	}
	c.before = *m.Stages[i]
	*m.Stages[i] = after
	return StagesChanged(m.ID, c.StageID), nil
}

func (c *EditStage) Undo(w *Workshop) (Change, error) {
	m, i, err := findStage(w, c.MapID, c.StageID)
	if err != nil {
		return Change{}, err
	}
	*m.Stages[i] = c.before
	return StagesChanged(m.ID, c.StageID), nil
}

// DeleteStage removes a stage with its flows and ideas; Undo puts all of them back in place.
type DeleteStage struct {
	MapID, StageID string
	removed        *Map // the map as it was, to restore order exactly
}

func (c *DeleteStage) Label() string { return "Delete stage" }

func (c *DeleteStage) Apply(w *Workshop) (Change, error) {
	m, i, err := findStage(w, c.MapID, c.StageID)
	if err != nil {
		return Change{}, err
	}
	c.removed = m.Clone()
	m.Stages = append(m.Stages[:i:i], m.Stages[i+1:]...)
	flows := m.Flows[:0:0]
	for _, f := range m.Flows {
		if f.From != c.StageID && f.To != c.StageID {
			flows = append(flows, f)
		}
	}
	flowsBefore := m.Flows
	m.Flows = flows
	ideas := m.Ideas[:0:0]
	for _, idea := range m.Ideas {
		if idea.Stage != c.StageID {
			ideas = append(ideas, idea)
		}
	}
	ch := StagesChanged(m.ID, c.StageID)
	ch.Maps[0].Flows = len(flows) != len(flowsBefore)
	ch.Maps[0].Ideas = len(ideas) != len(m.Ideas)
	m.Ideas = ideas
	return ch, nil
}

func (c *DeleteStage) Undo(w *Workshop) (Change, error) {
	m, err := findMap(w, c.MapID)
	if err != nil {
		return Change{}, err
	}
	restored := c.removed.Clone()
	ch := StagesChanged(m.ID, c.StageID)
	ch.Maps[0].Flows = len(restored.Flows) != len(m.Flows)
	ch.Maps[0].Ideas = len(restored.Ideas) != len(m.Ideas)
	m.Stages, m.Flows, m.Ideas = restored.Stages, restored.Flows, restored.Ideas
	return ch, nil
}
