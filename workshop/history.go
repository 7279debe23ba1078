package workshop

import "errors"

// Command is one edit of a workshop. Apply and Undo each return what they touched. A command
// that fails leaves the workshop as it was.
type Command interface {
	Apply(w *Workshop) (Change, error)
	Undo(w *Workshop) (Change, error)
	Label() string // e.g. "Move stage", shown as "Undo Move stage"
}

// ErrNothingToUndo and ErrNothingToRedo are returned when a history end is reached.
var (
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
)

// History is the undo/redo stack shared by the GUI and the tests.
type History struct {
	done, undone []Command
}

// Do applies the command and pushes it on the undo stack; the redo stack is cleared. An Amend
// joins the undo step on top instead of making one of its own.
func (h *History) Do(w *Workshop, c Command) (Change, error) {
	ch, err := c.Apply(w)
	if err != nil {
		return Change{}, err
	}
	if a, ok := c.(*Amend); ok && len(h.done) > 0 {
		last := h.done[len(h.done)-1]
		h.done[len(h.done)-1] = &Batch{Name: last.Label(), Commands: []Command{last, a.Command}}
	} else {
		h.done = append(h.done, c)
	}
	h.undone = nil
	return ch, nil
}

// Amend is a command that completes the one before it, as one undo step: a stage added from
// the keyboard and then named on its card is undone in one Ctrl+Z, not two (the first would
// leave an unnamed card at 0m/0m).
type Amend struct {
	Command
}

// Undo reverts the last command.
func (h *History) Undo(w *Workshop) (Change, error) {
	if len(h.done) == 0 {
		return Change{}, ErrNothingToUndo
	}
	c := h.done[len(h.done)-1]
	ch, err := c.Undo(w)
	if err != nil {
		return Change{}, err
	}
	h.done = h.done[:len(h.done)-1]
	h.undone = append(h.undone, c)
	return ch, nil
}

// Redo applies the last undone command again.
func (h *History) Redo(w *Workshop) (Change, error) {
	if len(h.undone) == 0 {
		return Change{}, ErrNothingToRedo
	}
	c := h.undone[len(h.undone)-1]
	ch, err := c.Apply(w)
	if err != nil {
		return Change{}, err
	}
	h.undone = h.undone[:len(h.undone)-1]
	h.done = append(h.done, c)
	return ch, nil
}

// CanUndo and CanRedo tell whether the stacks hold anything; UndoLabel and RedoLabel name the
// command that would run, for menus and tooltips.
func (h *History) CanUndo() bool { return len(h.done) > 0 }
func (h *History) CanRedo() bool { return len(h.undone) > 0 }

func (h *History) UndoLabel() string {
	if len(h.done) == 0 {
		return ""
	}
	return h.done[len(h.done)-1].Label()
}

func (h *History) RedoLabel() string {
	if len(h.undone) == 0 {
		return ""
	}
	return h.undone[len(h.undone)-1].Label()
}

// Clear forgets every command, e.g. when another workshop is opened.
func (h *History) Clear() { h.done, h.undone = nil, nil }

// Forget drops a command from both stacks: one that no longer applies after another writer
// changed the workshop, so that undo never tries it on a model it was not made for.
func (h *History) Forget(c Command) {
	drop := func(list []Command) []Command {
		out := list[:0]
		for _, x := range list {
			if x != c {
				out = append(out, x)
			}
		}
		return out
	}
	h.done, h.undone = drop(h.done), drop(h.undone)
}

// Last is the command Undo would revert, or nil.
func (h *History) Last() Command {
	if len(h.done) == 0 {
		return nil
	}
	return h.done[len(h.done)-1]
}

// NextRedo is the command Redo would apply again, or nil.
func (h *History) NextRedo() Command {
	if len(h.undone) == 0 {
		return nil
	}
	return h.undone[len(h.undone)-1]
}
