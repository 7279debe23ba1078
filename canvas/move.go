package canvas

import (
	"errors"
	"math"

	"fyne.io/fyne/v2"

	"leadline.app/leadline/workshop"
)

// dragCard moves one card and its arrows by the drag delta. It runs on every pointer move, so
// it touches only that card's objects and its incident arrows: never the whole view, never the
// model, never the store. The position is committed once, in endCardDrag.
func (v *MapView) dragCard(c *stageCard, delta fyne.Delta) {
	if v.gesture.kind != gestureMoveCard || v.gesture.card != c {
		v.gesture = gesture{kind: gestureMoveCard, card: c, origin: c.mapPos}
		if !v.isSelected(c.id) {
			v.setSelection([]string{c.id}, true)
		}
	}
	v.gesture.moved = v.gesture.moved.AddXY(delta.DX, delta.DY)
	c.mapPos = v.gesture.origin.AddXY(v.gesture.moved.X/v.zoom, v.gesture.moved.Y/v.zoom)
	c.Move(v.toLayer(c.mapPos))
	v.layoutArrowsOf(c.id)
}

// endCardDrag commits the move as one MoveStage, snapped when snapping is on. If the app
// refuses it, the card goes back where the model says it is.
func (v *MapView) endCardDrag(c *stageCard) {
	if v.gesture.kind != gestureMoveCard || v.gesture.card != c {
		return
	}
	origin := v.gesture.origin
	v.gesture = gesture{}
	target := v.snapped(c.mapPos)
	c.mapPos = target
	c.Move(v.toLayer(target))
	v.layoutArrowsOf(c.id)
	if target == origin || v.model == nil {
		return
	}
	cmd := &workshop.MoveStage{MapID: v.model.ID, StageID: c.id, X: roundTenth(target.X), Y: roundTenth(target.Y)}
	if err := v.emit(cmd, v.anchorOf(c.id)); err != nil || v.OnCommand == nil {
		c.mapPos = origin
		c.Move(v.toLayer(origin))
		v.layoutArrowsOf(c.id)
	}
}

// roundTenth keeps stored positions tidy: float32 pointer arithmetic leaves digits like
// 312.00003 that would otherwise end up in the exported JSON.
func roundTenth(f float32) float64 { return math.Round(float64(f)*10) / 10 }

func (v *MapView) requestRename(id string) {
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
	v.requestRename(cmd.Stage.ID)
	return cmd.Stage.ID
}
