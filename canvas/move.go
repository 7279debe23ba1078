package canvas

import (
	"errors"
	"math"

	"fyne.io/fyne/v2"

	"leadline.app/leadline/workshop"
)

// dragCard moves a card, and the other selected cards with it, by the drag delta. It runs on
// every pointer move, so it touches only those cards and their incident arrows: never the
// whole view, never the model, never the store. Positions are committed once, in endCardDrag.
func (v *MapView) dragCard(c *stageCard, delta fyne.Delta) {
	if v.gesture.kind != gestureMoveCard || v.gesture.card != c {
		v.CommitEditor()
		v.gesture = gesture{kind: gestureMoveCard, card: c, origin: c.mapPos}
		if !v.isSelected(c.id) {
			v.setSelection([]string{c.id}, true)
		}
		for _, id := range v.selection {
			if other := v.cards[id]; other != nil && other != c {
				if v.gesture.others == nil {
					v.gesture.others = map[*stageCard]fyne.Position{}
				}
				v.gesture.others[other] = other.mapPos
			}
		}
	}
	v.gesture.moved = v.gesture.moved.AddXY(delta.DX, delta.DY)
	offset := fyne.NewPos(v.gesture.moved.X/v.zoom, v.gesture.moved.Y/v.zoom)
	v.placeDragged(c, v.gesture.origin.Add(offset))
	for other, origin := range v.gesture.others {
		v.placeDragged(other, origin.Add(offset))
	}
}

func (v *MapView) placeDragged(c *stageCard, at fyne.Position) {
	c.mapPos = at
	c.Move(v.toLayer(at))
	v.layoutArrowsOf(c.id)
}

// endCardDrag commits the move: one MoveStage, or one Batch when several cards moved, snapped
// when snapping is on. If the app refuses it, the cards go back where the model says they are.
func (v *MapView) endCardDrag(c *stageCard) {
	if v.gesture.kind != gestureMoveCard || v.gesture.card != c {
		return
	}
	origins := map[*stageCard]fyne.Position{c: v.gesture.origin}
	for other, origin := range v.gesture.others {
		origins[other] = origin
	}
	v.gesture = gesture{}
	var moves []workshop.Command
	for _, s := range v.modelStagesIn(origins) {
		card := v.cards[s.ID]
		target := v.snapped(card.mapPos)
		v.placeDragged(card, target)
		if target != origins[card] && v.model != nil {
			moves = append(moves, &workshop.MoveStage{MapID: v.model.ID, StageID: card.id, X: roundTenth(target.X), Y: roundTenth(target.Y)})
		}
	}
	if len(moves) == 0 {
		return
	}
	var cmd workshop.Command = moves[0]
	if len(moves) > 1 {
		cmd = &workshop.Batch{Name: "Move stages", Commands: moves}
	}
	if err := v.emit(cmd, v.anchorOf(c.id)); err != nil || v.OnCommand == nil {
		for card, origin := range origins {
			v.placeDragged(card, origin)
		}
	}
}

// modelStagesIn returns the stages of the given cards in map order, so a group move becomes
// the same batch whatever order the cards were selected in.
func (v *MapView) modelStagesIn(cards map[*stageCard]fyne.Position) []*workshop.Stage {
	var out []*workshop.Stage
	if v.model == nil {
		return out
	}
	for _, s := range v.model.Stages {
		if card := v.cards[s.ID]; card != nil {
			if _, ok := cards[card]; ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// roundTenth keeps stored positions tidy: float32 pointer arithmetic leaves digits like
// 312.00003 that would otherwise end up in the exported JSON.
func roundTenth(f float32) float64 { return math.Round(float64(f)*10) / 10 }

// requestRename opens the stage's on-card editor and tells the app, which shows the stage in
// its side panel.
func (v *MapView) requestRename(id string) {
	v.OpenEditor(id, "")
	if v.OnRenameRequest != nil {
		v.OnRenameRequest(id)
	}
}

// previewDrop shows where a department dragged from the palette would land; at is a view
// position, and visible false hides the preview when the pointer leaves the view.
func (v *MapView) previewDrop(at fyne.Position, department string, visible bool) {
	if !visible || v.model == nil {
		if v.ghost.Visible() {
			v.ghost.Hide()
		}
		return
	}
	v.ghost.StrokeColor = parseHexColour(workshop.DepartmentColour(department))
	v.ghost.Move(v.toLayer(v.snapped(v.toMap(at))).Add(v.pan))
	v.ghost.Resize(fyne.NewSize(cardWidth*v.zoom, cardHeight*v.zoom))
	v.ghost.Show()
	v.ghost.Refresh()
}

// errNoMap is shown when something is dropped before a map is open.
var errNoMap = errors.New("open or create a map first")

// errEmptyName is the on-card editor's refusal of a blank name.
var errEmptyName = errors.New("a stage needs a name")

// dropDepartment creates a stage named after the department at a view position, selects it and
// asks for it to be renamed. It returns the new stage's ID, or "" if the app refused it.
func (v *MapView) dropDepartment(department string, at fyne.Position) string {
	v.previewDrop(at, department, false)
	if v.model == nil {
		v.showMessage(errNoMap.Error(), at)
		if v.OnError != nil {
			v.OnError(errNoMap)
		}
		return ""
	}
	p := v.snapped(v.toMap(at))
	cmd := &workshop.AddStage{MapID: v.model.ID, Stage: workshop.Stage{
		ID: v.model.NewStageID(), Name: department, Department: department, X: roundTenth(p.X), Y: roundTenth(p.Y)}}
	if err := v.emit(cmd, at); err != nil || v.OnCommand == nil {
		return ""
	}
	v.Select(cmd.Stage.ID)
	v.focus()
	v.EnsureVisible(cmd.Stage.ID)
	v.requestRename(cmd.Stage.ID)
	return cmd.Stage.ID
}
