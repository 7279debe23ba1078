package panels

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// DefaultIdleCommit is how long a text field must rest before its edit is committed without
// Enter or leaving the field. Long enough that typing "2d 4h" makes one undo step, short
// enough that an edit is saved before anyone thinks of a Save button.
const DefaultIdleCommit = 800 * time.Millisecond

// commitEntry is an Entry that reports leaving the field, because Fyne's Entry has OnSubmitted
// but no public focus-lost callback, and the editors commit on either.
type commitEntry struct {
	widget.Entry
	onFocusLost func()
	onEscape    func() // puts back the stored value; nil lets Esc through to the Entry
}

func newCommitEntry(multiLine bool) *commitEntry {
	e := &commitEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false even for a multi-line field (participants, notes): Tab moves to the next
// field, as in every other field of the form, instead of typing a tab character into a name.
func (e *commitEntry) AcceptsTab() bool { return false }

// FocusGained selects a one-line field's text, as desktop fields do when Tab reaches them, so
// what is typed replaces it: Tab into a field holding "Sales" and typing "2h" must not make
// "2hSales". A click places the cursor afterwards as usual.
func (e *commitEntry) FocusGained() {
	e.Entry.FocusGained()
	if !e.MultiLine {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// SetText replaces the text and drops a selection of the old text, which Fyne's Entry keeps:
// the next key typed would otherwise replace characters of the new text.
func (e *commitEntry) SetText(text string) {
	e.Entry.SetText(text)
	if !e.MultiLine {
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	}
}

// TypedKey gives Esc to onEscape, as desktop fields undo what was typed on Esc; Fyne's Entry
// ignores it, so the idle commit or leaving the field then saved the typing Esc meant to drop.
func (e *commitEntry) TypedKey(key *fyne.KeyEvent) {
	if key.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(key)
}

// FocusLost commits the field's edit as the facilitator moves on.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// commitSelectEntry is the SelectEntry flavour of commitEntry, for the department field.
type commitSelectEntry struct {
	widget.SelectEntry
	onFocusLost func()
}

func newCommitSelectEntry(options []string) *commitSelectEntry {
	e := &commitSelectEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	e.SetOptions(options)
	return e
}

// FocusGained selects the department's text, like commitEntry.FocusGained.
func (e *commitSelectEntry) FocusGained() {
	e.Entry.FocusGained()
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// SetText replaces the text and drops a selection of the old one, like commitEntry.SetText.
func (e *commitSelectEntry) SetText(text string) {
	e.Entry.SetText(text)
	e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
}

// FocusLost commits the department as the facilitator moves on.
func (e *commitSelectEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// idleTimer calls fire on the UI goroutine once the user stopped typing for delay. A zero
// delay disables it (tests commit through Enter or focus loss instead of sleeping).
type idleTimer struct {
	delay func() time.Duration
	fire  func()
	timer *time.Timer
	armed int // generation, so a timer that already fired for an older edit does nothing
}

// poke restarts the wait; called on every keystroke.
func (t *idleTimer) poke() {
	t.stop()
	delay := t.delay()
	if delay <= 0 {
		return
	}
	t.armed++
	generation := t.armed
	t.timer = time.AfterFunc(delay, func() {
		fyne.Do(func() {
			if generation == t.armed {
				t.armed++
				t.fire()
			}
		})
	})
}

// stop cancels a pending fire, e.g. because the edit was committed another way.
func (t *idleTimer) stop() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.armed++
}
