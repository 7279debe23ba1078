package canvas

import (
	"fmt"

	"leadline.app/leadline/workshop"
)

// Tidy lays the map out as a layered flow (workshop.TidyLayout): the critical path on one
// straight row, branches above and below, in columns a flow step apart. It moves every stage
// that changes place in one undo step, then fits the map to the view to show the result.
func (v *MapView) Tidy() {
	if v.model == nil || len(v.model.Stages) == 0 {
		return
	}
	v.CommitEditor()
	var critical []string
	if v.metrics != nil {
		for _, s := range v.metrics.CriticalPath {
			critical = append(critical, s.ID)
		}
	}
	positions, err := workshop.TidyLayout(v.model, critical, workshop.Grid{Column: columnStep, Row: rowStep})
	if err != nil {
		err = fmt.Errorf("tidy: %w", err)
		v.showMessage(err.Error(), centre(v.Size()))
		if v.OnError != nil {
			v.OnError(err)
		}
		return
	}
	var moves []workshop.Command
	for _, s := range v.model.Stages {
		if p := positions[s.ID]; p.X != s.X || p.Y != s.Y {
			moves = append(moves, &workshop.MoveStage{MapID: v.model.ID, StageID: s.ID, X: p.X, Y: p.Y})
		}
	}
	if len(moves) == 0 {
		return
	}
	if err := v.emit(&workshop.Batch{Name: "Tidy", Commands: moves}, centre(v.Size())); err == nil {
		v.FitMap()
	}
}
