package canvas

import (
	"fyne.io/fyne/v2"

	"leadline.app/leadline/workshop"
)

// Where keyboard-added stages go, in map units: one column step to the right of the stage
// they follow, one row step below the stage they run beside. Both leave room for an arrow.
const (
	columnStep = cardWidth + 60
	rowStep    = cardHeight + 40
)

// AddNext is Tab. On an empty map it adds the first stage; with stages selected it adds one
// stage to the right of them, connected from each (one selected: the chain goes on; several:
// a join), in the department of the last selected. The on-card editor opens on its name.
func (v *MapView) AddNext() {
	if v.model == nil {
		return
	}
	var from []*workshop.Stage
	for _, id := range v.selection {
		if s := v.model.Stage(id); s != nil {
			from = append(from, s)
		}
	}
	if len(from) == 0 && len(v.model.Stages) > 0 {
		// Nothing selected (an undo took the selected stage away, or a click on the empty
		// canvas): go on from the stage added last, which is where a chain being built left off.
		from = []*workshop.Stage{v.model.Stages[len(v.model.Stages)-1]}
	}
	switch {
	case len(from) == 0:
		start := v.toMap(fyne.NewPos(fitMargin, fitMargin))
		v.addConnected(workshop.Stage{Department: workshop.Departments[0].Name,
			X: roundTenth(start.X), Y: roundTenth(start.Y)}, nil, nil)
		return
	}
	// The new stage goes right of the rightmost selected, level with the topmost: a join of
	// branches forked below the main row (Enter) lands back on that row.
	right, top := from[0].X, from[0].Y
	for _, s := range from {
		right, top = max(right, s.X), min(top, s.Y)
	}
	last := from[len(from)-1]
	x, y := v.clearSpot(right+columnStep, top, 0, rowStep)
	ids := make([]string, len(from))
	for i, s := range from {
		ids[i] = s.ID
	}
	v.addConnected(workshop.Stage{Department: last.Department, X: x, Y: y}, ids, nil)
}

// AddParallel is Enter with one stage selected: a stage beside it, below, fed by the same
// forward predecessors and feeding the same forward successors. Three sign-offs side by side
// are Enter, Enter.
func (v *MapView) AddParallel() {
	if v.model == nil || len(v.selection) != 1 {
		return
	}
	s := v.model.Stage(v.selection[0])
	if s == nil {
		return
	}
	var before, after []string
	for _, f := range v.model.Flows {
		switch {
		case f.Rework:
		case f.To == s.ID:
			before = append(before, f.From)
		case f.From == s.ID:
			after = append(after, f.To)
		}
	}
	x, y := v.clearSpot(s.X, s.Y+rowStep, 0, rowStep)
	v.addConnected(workshop.Stage{Department: s.Department, X: x, Y: y}, before, after)
}

// clearSpot returns the first position from (x, y), stepping by (dx, dy), where a card
// overlaps no other card.
func (v *MapView) clearSpot(x, y, dx, dy float64) (float64, float64) {
	for range 500 {
		if !v.overlapsCard(x, y) {
			break
		}
		x, y = x+dx, y+dy
	}
	return x, y
}

func (v *MapView) overlapsCard(x, y float64) bool {
	const gap = 20 // cards closer than this look stacked, and their arrows cannot be told apart
	for _, s := range v.model.Stages {
		if x < s.X+cardWidth+gap && x+cardWidth+gap > s.X && y < s.Y+cardHeight+gap && y+cardHeight+gap > s.Y {
			return true
		}
	}
	return false
}

// addConnected adds a stage with its flows from each of from and to each of to, as one undo
// step, selects it, brings it into view and opens its on-card editor on the name.
func (v *MapView) addConnected(s workshop.Stage, from, to []string) {
	s.ID = v.model.NewStageID()
	s.Name = s.Department // as a palette drop names it; selected in the editor, typing replaces it
	commands := []workshop.Command{&workshop.AddStage{MapID: v.model.ID, Stage: s}}
	for _, id := range from {
		commands = append(commands, &workshop.AddFlow{MapID: v.model.ID, Flow: workshop.Flow{From: id, To: s.ID}})
	}
	for _, id := range to {
		commands = append(commands, &workshop.AddFlow{MapID: v.model.ID, Flow: workshop.Flow{From: s.ID, To: id}})
	}
	var cmd workshop.Command = commands[0]
	if len(commands) > 1 {
		cmd = &workshop.Batch{Name: "Add stage", Commands: commands}
	}
	at := centre(v.Size())
	if len(v.selection) > 0 {
		at = v.anchorOf(v.selection[0])
	}
	if err := v.emit(cmd, at); err != nil || v.OnCommand == nil {
		return
	}
	v.fitted = false // from now on the map holds still; the new card is panned into view
	v.Select(s.ID)
	v.EnsureVisible(s.ID)
	v.OpenEditor(s.ID, "")
	if v.editor != nil {
		v.editor.justAdded = true
	}
}
