package canvas

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"leadline.app/leadline/workshop"
)

// gestureKind says what the pointer is doing between the first Dragged event and DragEnd.
type gestureKind int

const (
	gestureNone gestureKind = iota
	gestureMoveCard
	gesturePan
	gestureBand
	gestureConnect
)

type gesture struct {
	kind       gestureKind
	card       *stageCard    // the card being moved or connected from
	origin     fyne.Position // moving: the card's map position at the start; band: its corner in the view
	pointer    fyne.Position // in the view
	moved      fyne.Position // sum of the drag deltas, in pixels
	target     *stageCard    // connecting: the card under the pointer
	pressShift bool          // Shift was held when the button went down
	// others are the other selected cards moving along with card, with their start positions.
	others map[*stageCard]fyne.Position
}

// Select replaces the stage selection. OnSelect is called when it actually changes, so an app
// that calls Select from OnSelect does not loop.
func (v *MapView) Select(ids ...string) {
	next := make([]string, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(next, id) {
			next = append(next, id)
		}
	}
	v.setSelection(next, true)
}

// Selected returns the selected stage IDs in the order they were selected.
func (v *MapView) Selected() []string {
	return append([]string(nil), v.selection...)
}

func (v *MapView) isSelected(id string) bool { return slices.Contains(v.selection, id) }

func (v *MapView) setSelection(next []string, clearFlow bool) {
	if clearFlow && v.flow != nil {
		old := v.arrows[*v.flow]
		v.flow = nil
		if old != nil {
			v.styleArrow(old)
			v.layoutArrow(old)
		}
	}
	if slices.Equal(next, v.selection) {
		return
	}
	changed := append(append([]string(nil), v.selection...), next...)
	v.selection = next
	for _, id := range changed {
		if c := v.cards[id]; c != nil && c.look.selected != v.isSelected(id) {
			c.look.selected = v.isSelected(id)
			c.Refresh()
		}
	}
	if v.overview {
		v.overviewImage.Refresh()
	}
	if v.OnSelect != nil {
		v.OnSelect(v.Selected())
	}
}

// pruneSelection forgets selected stages that no longer exist, e.g. after a delete.
func (v *MapView) pruneSelection() {
	kept := v.selection[:0:0]
	for _, id := range v.selection {
		if v.model != nil && v.model.Stage(id) != nil {
			kept = append(kept, id)
		}
	}
	if len(kept) != len(v.selection) {
		v.selection = kept
		if v.OnSelect != nil {
			v.OnSelect(v.Selected())
		}
	}
}

// cardPressed selects a card on button down, so selection feels immediate even though a
// double-click is still possible; Shift toggles it in the selection.
func (v *MapView) cardPressed(c *stageCard, shift bool) {
	if id, open := v.EditorOpen(); open && id != c.id {
		v.CommitEditor()
	}
	v.focus()
	shift = shift || v.currentModifiers()&fyne.KeyModifierShift != 0
	switch {
	case shift && v.isSelected(c.id):
		v.setSelection(slices.DeleteFunc(v.Selected(), func(id string) bool { return id == c.id }), true)
	case shift:
		v.setSelection(append(v.Selected(), c.id), true)
	case !v.isSelected(c.id):
		v.setSelection([]string{c.id}, true)
	}
	// Pressing a card of a group keeps the group, so a drag moves it; a click without a drag
	// then narrows the selection to that card (cardClicked).
}

// cardClicked follows a press that did not become a drag.
func (v *MapView) cardClicked(c *stageCard, shift bool) {
	if !shift && v.isSelected(c.id) && len(v.selection) > 1 {
		v.setSelection([]string{c.id}, true)
	}
}

func (v *MapView) selectFlow(key *flowKey) {
	previous := v.flow
	v.setSelection(nil, false)
	v.flow = key
	for _, k := range []*flowKey{previous, key} {
		if k != nil && v.arrows[*k] != nil {
			v.styleArrow(v.arrows[*k])
			v.layoutArrow(v.arrows[*k])
		}
	}
	if key != nil && v.OnSelectFlow != nil {
		v.OnSelectFlow(key.from, key.to)
	}
}

// flowAt returns the arrow under a point of the view, if any.
func (v *MapView) flowAt(p fyne.Position) *flowArrow {
	layerPoint := p.Subtract(v.pan)
	var best *flowArrow
	bestDistance := float32(flowHitSlop)
	for _, a := range v.arrows {
		if d := a.distanceTo(layerPoint); d <= bestDistance {
			best, bestDistance = a, d
		}
	}
	return best
}

// cardAt returns the topmost card under a point of the view, if any.
func (v *MapView) cardAt(p fyne.Position) *stageCard {
	mapPoint := v.toMap(p)
	for i := len(v.cardLayer.Objects) - 1; i >= 0; i-- {
		c, ok := v.cardLayer.Objects[i].(*stageCard)
		if ok && mapPoint.X >= c.mapPos.X && mapPoint.X <= c.mapPos.X+cardWidth &&
			mapPoint.Y >= c.mapPos.Y && mapPoint.Y <= c.mapPos.Y+cardHeight {
			return c
		}
	}
	return nil
}

// MouseDown remembers Shift, which decides between panning and rubber-band selection.
func (v *MapView) MouseDown(ev *desktop.MouseEvent) {
	v.gesture.pressShift = ev.Modifier&fyne.KeyModifierShift != 0
	v.CommitEditor()
	v.focus()
}

func (v *MapView) MouseUp(*desktop.MouseEvent) {}

// Tapped on empty canvas selects the flow under the pointer, or clears the selection.
func (v *MapView) Tapped(ev *fyne.PointEvent) {
	v.CommitEditor()
	v.focus()
	v.gesture.pressShift = false
	if a := v.flowAt(ev.Position); a != nil {
		key := a.key
		v.selectFlow(&key)
		return
	}
	v.setSelection(nil, true)
}

// Dragged on empty canvas pans, or with Shift draws a rubber band.
func (v *MapView) Dragged(ev *fyne.DragEvent) {
	if v.gesture.kind == gestureNone {
		// A drag that starts just beside a handle or a card takes it rather than panning the
		// map away from under the facilitator.
		start := ev.Position.Subtract(ev.Dragged)
		if c := v.handleNear(start, grabSlop); c != nil {
			v.dragConnect(c, ev.Dragged)
			return
		}
		if c := v.cardNear(start, grabSlop, nil); c != nil {
			v.dragCard(c, ev.Dragged)
			return
		}
		v.gesture.kind = gesturePan
		v.gesture.origin = ev.Position.Subtract(ev.Dragged)
		v.gesture.pointer = v.gesture.origin
		if v.gesture.pressShift || v.currentModifiers()&fyne.KeyModifierShift != 0 {
			v.gesture.kind = gestureBand
		}
	}
	switch v.gesture.kind {
	case gestureConnect:
		v.dragConnect(v.gesture.card, ev.Dragged)
		return
	case gestureMoveCard:
		v.dragCard(v.gesture.card, ev.Dragged)
		return
	}
	v.gesture.pointer = v.gesture.pointer.Add(ev.Dragged)
	switch v.gesture.kind {
	case gesturePan:
		v.panBy(ev.Dragged.DX, ev.Dragged.DY)
	case gestureBand:
		topLeft, bottomRight := bounds(v.gesture.origin, v.gesture.pointer)
		v.rubberBand.Move(topLeft)
		v.rubberBand.Resize(fyne.NewSize(bottomRight.X-topLeft.X, bottomRight.Y-topLeft.Y))
		v.rubberBand.Show()
		v.rubberBand.Refresh()
	}
}

func (v *MapView) DragEnd() {
	switch v.gesture.kind {
	case gestureConnect:
		v.endConnect(v.gesture.card)
		return
	case gestureMoveCard:
		v.endCardDrag(v.gesture.card)
		return
	}
	if v.gesture.kind == gestureBand {
		v.rubberBand.Hide()
		topLeft, bottomRight := bounds(v.toMap(v.gesture.origin), v.toMap(v.gesture.pointer))
		next := v.Selected()
		for _, s := range v.model.Stages {
			inside := float32(s.X) < bottomRight.X && float32(s.X)+cardWidth > topLeft.X &&
				float32(s.Y) < bottomRight.Y && float32(s.Y)+cardHeight > topLeft.Y
			if inside && !slices.Contains(next, s.ID) {
				next = append(next, s.ID)
			}
		}
		v.setSelection(next, true)
	}
	v.gesture = gesture{}
}

// DeleteSelection asks for the selected stages to be deleted, as one undo step; with no stage
// selected it deletes the selected flow.
func (v *MapView) DeleteSelection() {
	if v.model == nil {
		return
	}
	var commands []workshop.Command
	for _, id := range v.selection {
		commands = append(commands, &workshop.DeleteStage{MapID: v.model.ID, StageID: id})
	}
	switch {
	case len(commands) == 1:
		v.emit(commands[0], v.anchorOf(v.selection[0]))
	case len(commands) > 1:
		v.emit(&workshop.Batch{Name: "Delete stages", Commands: commands}, v.anchorOf(v.selection[0]))
	case v.flow != nil:
		v.emit(&workshop.DeleteFlow{MapID: v.model.ID, From: v.flow.from, To: v.flow.to}, centre(v.Size()))
	}
}

// anchorOf is where a message about a stage should appear: just under its card.
func (v *MapView) anchorOf(stageID string) fyne.Position {
	if c := v.cards[stageID]; c != nil {
		return v.toLayer(c.mapPos).Add(v.pan).AddXY(0, cardHeight*v.zoom+8)
	}
	return centre(v.Size())
}

// emit hands a command to the app and shows a refusal where the gesture happened.
func (v *MapView) emit(cmd workshop.Command, at fyne.Position) error {
	if v.OnCommand == nil {
		return nil
	}
	err := v.OnCommand(cmd)
	if err != nil {
		v.showMessage(err.Error(), at)
		if v.OnError != nil {
			v.OnError(err)
		}
	}
	return err
}

func (v *MapView) focus() {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(v); c != nil && c.Focused() != v {
			c.Focus(v)
		}
	}
}

// FocusGained and FocusLost make the view focusable, so Delete reaches it.
func (v *MapView) FocusGained() {}
func (v *MapView) FocusLost()   { v.modifiers = 0 }

// KeyDown and KeyUp track Shift and Ctrl for drivers that cannot report them with a scroll.
func (v *MapView) KeyDown(ev *fyne.KeyEvent) { v.modifiers |= modifierOf(ev.Name) }
func (v *MapView) KeyUp(ev *fyne.KeyEvent)   { v.modifiers &^= modifierOf(ev.Name) }

func modifierOf(key fyne.KeyName) fyne.KeyModifier {
	switch key {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		return fyne.KeyModifierShift
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		return fyne.KeyModifierControl
	case desktop.KeySuperLeft, desktop.KeySuperRight:
		return fyne.KeyModifierSuper
	}
	return 0
}

// currentModifiers asks the desktop driver, which knows even when the view lacks focus, and
// falls back to the keys the view saw.
func (v *MapView) currentModifiers() fyne.KeyModifier {
	mods := v.modifiers
	if app := fyne.CurrentApp(); app != nil {
		if d, ok := app.Driver().(desktop.Driver); ok {
			mods |= d.CurrentKeyModifiers()
		}
	}
	return mods
}
