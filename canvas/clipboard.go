package canvas

import (
	"slices"

	"leadline.app/leadline/workshop"
)

// pasteOffset is how far, in map units, a pasted or duplicated stage lands from its original:
// enough to see both cards, and each further paste steps on, so copies never stack.
const pasteOffset = 40

// clip is what Ctrl+C copied: stages and the flows among them, as they were then.
type clip struct {
	stages []workshop.Stage
	flows  []workshop.Flow
	pasted int // how many times it was pasted, to step each paste further on
}

// Copy remembers the selected stages and the flows between them for Paste.
func (v *MapView) Copy() {
	if c := v.copySelection(); c != nil {
		v.clipboard = c
	}
}

// Paste adds copies of what Copy remembered, offset, as one undo step, and selects them.
func (v *MapView) Paste() {
	if v.clipboard == nil {
		return
	}
	v.clipboard.pasted++
	v.pasteCopies(v.clipboard, float64(pasteOffset*v.clipboard.pasted))
}

// Duplicate is Ctrl+D: copy and paste the selection in one step, leaving the clipboard alone.
func (v *MapView) Duplicate() {
	if c := v.copySelection(); c != nil {
		v.pasteCopies(c, pasteOffset)
	}
}

func (v *MapView) copySelection() *clip {
	if v.model == nil || len(v.selection) == 0 {
		return nil
	}
	c := &clip{}
	for _, s := range v.model.Stages { // map order, so a paste keeps the stages' order
		if v.isSelected(s.ID) {
			c.stages = append(c.stages, *s)
		}
	}
	for _, f := range v.model.Flows {
		if v.isSelected(f.From) && v.isSelected(f.To) {
			c.flows = append(c.flows, f)
		}
	}
	return c
}

func (v *MapView) pasteCopies(c *clip, offset float64) {
	if v.model == nil || len(c.stages) == 0 {
		return
	}
	trial := &workshop.Map{Stages: slices.Clone(v.model.Stages)} // fresh IDs must not collide with each other either
	newID := map[string]string{}
	var commands []workshop.Command
	for _, original := range c.stages {
		s := original
		s.ID = trial.NewStageID()
		trial.Stages = append(trial.Stages, &s)
		newID[original.ID] = s.ID
		s.X, s.Y = s.X+offset, s.Y+offset
		commands = append(commands, &workshop.AddStage{MapID: v.model.ID, Stage: s})
	}
	for _, f := range c.flows {
		f.From, f.To = newID[f.From], newID[f.To]
		commands = append(commands, &workshop.AddFlow{MapID: v.model.ID, Flow: f})
	}
	if err := v.emit(&workshop.Batch{Name: "Paste stages", Commands: commands}, v.anchorOf(c.stages[0].ID)); err != nil || v.OnCommand == nil {
		return
	}
	ids := make([]string, 0, len(newID))
	for _, s := range c.stages {
		ids = append(ids, newID[s.ID])
	}
	v.Select(ids...)
	v.EnsureVisible(ids[0])
}
