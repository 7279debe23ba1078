package canvas

import (
	"math"
	"slices"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

var (
	_ fyne.Shortcutable = (*MapView)(nil)
	_ fyne.Tabbable     = (*MapView)(nil)
)

// The keys below are a contract (README "In the app", the F1 overlay): the facilitator builds
// a map while the room talks, so every stage, flow and figure can be typed without the mouse.

// AcceptsTab keeps Tab on the map, where it adds the next stage, instead of moving the focus.
func (v *MapView) AcceptsTab() bool { return true }

// TypedKey builds, navigates and deletes; every key it does not use goes on to OnOtherKey, so
// window keys such as F11 and F1 work while the map has the focus.
func (v *MapView) TypedKey(ev *fyne.KeyEvent) {
	shift := v.currentModifiers()&fyne.KeyModifierShift != 0
	switch ev.Name {
	case fyne.KeyTab:
		if !shift {
			v.AddNext()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		v.AddParallel()
	case fyne.KeyF2:
		if len(v.selection) == 1 {
			v.OpenEditor(v.selection[0], "")
		}
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown:
		v.moveSelection(ev.Name, shift)
	case fyne.KeyDelete, fyne.KeyBackspace:
		v.DeleteSelection()
	case fyne.KeyEscape:
		if len(v.selection) > 0 || v.flow != nil {
			v.setSelection(nil, true)
		} else if v.OnOtherKey != nil {
			v.OnOtherKey(ev)
		}
	default:
		if v.OnOtherKey != nil {
			v.OnOtherKey(ev)
		}
	}
}

// TypedRune opens the on-card editor of the one selected stage with the letter typed as its
// new name, as a spreadsheet cell does; other characters go on to the window ("?" for help).
func (v *MapView) TypedRune(r rune) {
	if len(v.selection) == 1 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		v.OpenEditor(v.selection[0], string(r))
		return
	}
	if v.OnOtherRune != nil {
		v.OnOtherRune(r)
	}
}

// TypedShortcut handles the map's own shortcuts and hands every other one (undo, zoom, the
// timer…) to OnOtherShortcut: a focused Shortcutable receives all of the window's shortcuts.
func (v *MapView) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutSelectAll:
		v.SelectAll()
		return
	case *fyne.ShortcutCopy:
		v.Copy()
		return
	case *fyne.ShortcutPaste:
		v.Paste()
		return
	case *desktop.CustomShortcut:
		if sc.KeyName == fyne.KeyD && sc.Modifier == fyne.KeyModifierShortcutDefault {
			v.Duplicate()
			return
		}
	}
	if v.OnOtherShortcut != nil {
		v.OnOtherShortcut(s)
	}
}

// SelectAll selects every stage of the map.
func (v *MapView) SelectAll() {
	if v.model == nil {
		return
	}
	all := make([]string, 0, len(v.model.Stages))
	for _, s := range v.model.Stages {
		all = append(all, s.ID)
	}
	v.setSelection(all, true)
}

// moveSelection selects the nearest stage in the arrow's direction from the last selected one
// (Shift adds it to the selection). With nothing selected, an arrow selects the first stage.
func (v *MapView) moveSelection(key fyne.KeyName, extend bool) {
	if v.model == nil || len(v.model.Stages) == 0 {
		return
	}
	if len(v.selection) == 0 {
		v.setSelection([]string{v.model.Stages[0].ID}, true)
		v.EnsureVisible(v.model.Stages[0].ID)
		return
	}
	from := v.cards[v.selection[len(v.selection)-1]]
	if from == nil {
		return
	}
	next := v.nearestInDirection(from, key)
	if next == nil {
		return
	}
	if !extend {
		v.setSelection([]string{next.id}, true)
	} else {
		// The stage moved to becomes the last one, so Shift+arrow keeps walking from it.
		sel := slices.DeleteFunc(v.Selected(), func(id string) bool { return id == next.id })
		v.setSelection(append(sel, next.id), true)
	}
	v.EnsureVisible(next.id)
}

// arrowDirections are the unit steps of the arrow keys, in map units (y grows downwards).
var arrowDirections = map[fyne.KeyName]fyne.Position{
	fyne.KeyLeft: {X: -1}, fyne.KeyRight: {X: 1}, fyne.KeyUp: {Y: -1}, fyne.KeyDown: {Y: 1},
}

// nearestInDirection picks the card whose centre lies in the 90° cone of the direction,
// preferring the one straight ahead: the distance across the direction weighs double.
func (v *MapView) nearestInDirection(from *stageCard, key fyne.KeyName) *stageCard {
	dir := arrowDirections[key]
	var best *stageCard
	bestScore := float32(math.MaxFloat32)
	for _, s := range v.model.Stages {
		c := v.cards[s.ID]
		if c == nil || c == from {
			continue
		}
		dx, dy := c.mapPos.X-from.mapPos.X, c.mapPos.Y-from.mapPos.Y
		along := dx*dir.X + dy*dir.Y
		across := abs32(dx*dir.Y - dy*dir.X)
		if along <= 0 || across > along {
			continue
		}
		if score := along + 2*across; score < bestScore {
			best, bestScore = c, score
		}
	}
	return best
}

// EnsureVisible pans, as little as it can, so that a stage's card is inside the view: a stage
// added off the edge comes into sight without the rest of the map jumping.
func (v *MapView) EnsureVisible(stageID string) {
	c := v.cards[stageID]
	size := v.Size()
	if c == nil || size.Width <= 0 || size.Height <= 0 {
		return
	}
	const margin = 24
	topLeft := v.toLayer(c.mapPos).Add(v.pan)
	width, height := max(cardWidth*v.zoom, editorWidth), max(cardHeight*v.zoom, editorHeight)
	dx, dy := float32(0), float32(0)
	switch {
	case topLeft.X < margin:
		dx = margin - topLeft.X
	case topLeft.X+width > size.Width-margin:
		dx = max(size.Width-margin-(topLeft.X+width), margin-topLeft.X)
	}
	switch {
	case topLeft.Y < margin:
		dy = margin - topLeft.Y
	case topLeft.Y+height > size.Height-margin:
		dy = max(size.Height-margin-(topLeft.Y+height), margin-topLeft.Y)
	}
	if dx != 0 || dy != 0 {
		v.panBy(dx, dy)
	}
}
