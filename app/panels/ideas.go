package panels

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

// ideaRow edits one improvement idea of the stage: its text and its owner.
type ideaRow struct {
	text, owner *commitEntry
	root        fyne.CanvasObject
}

// ideaList edits the improvement ideas (kaizen bursts) of the shown stage. Edits are committed
// like the stage fields, as one workshop.SetIdeas for the whole map.
type ideaList struct {
	editor   *StageEditor
	rows     []*ideaRow
	list     *fyne.Container
	newText  *commitEntry
	newOwner *commitEntry
	shown    []workshop.Idea // the stage's ideas the rows were built from
	idle     idleTimer
	content  fyne.CanvasObject
}

func newIdeaList(editor *StageEditor) *ideaList {
	l := &ideaList{editor: editor, list: container.NewVBox()}
	l.idle.delay = func() time.Duration { return editor.IdleCommit }
	l.idle.fire = l.commit
	l.newText, l.newOwner = newCommitEntry(false), newCommitEntry(false)
	l.newText.SetPlaceHolder("New idea, e.g. weekly budget slot")
	l.newOwner.SetPlaceHolder("Owner")
	l.newText.OnSubmitted = func(string) { l.add() }
	l.newOwner.OnSubmitted = func(string) { l.add() }
	add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), l.add)
	l.content = container.NewVBox(l.list,
		container.NewBorder(nil, nil, nil, add, container.NewGridWithColumns(2, l.newText, l.newOwner)))
	return l
}

// stageIdeas returns the ideas of one stage, in map order.
func stageIdeas(m *workshop.Map, stageID string) []workshop.Idea {
	var ideas []workshop.Idea
	for _, idea := range m.Ideas {
		if idea.Stage == stageID {
			ideas = append(ideas, idea)
		}
	}
	return ideas
}

// show rebuilds the rows when the stage's ideas differ from what they show, so that re-showing
// after an unrelated edit keeps the focus in an idea being typed.
func (l *ideaList) show(m *workshop.Map, stageID string, sameStage bool) {
	if m == nil || stageID == "" {
		return
	}
	ideas := stageIdeas(m, stageID)
	if sameStage && slices.Equal(ideas, l.edited()) && len(l.rows) == len(ideas) {
		l.shown = ideas
		return
	}
	if !sameStage {
		l.newText.SetText("")
		l.newOwner.SetText("")
	}
	l.shown = ideas
	l.rows = l.rows[:0]
	l.list.RemoveAll()
	for i, idea := range ideas {
		row := l.newRow(i, idea)
		l.rows = append(l.rows, row)
		l.list.Add(row.root)
	}
}

func (l *ideaList) newRow(index int, idea workshop.Idea) *ideaRow {
	row := &ideaRow{text: newCommitEntry(false), owner: newCommitEntry(false)}
	row.text.SetText(idea.Text)
	row.owner.SetText(idea.Owner)
	row.owner.SetPlaceHolder("Owner")
	for _, entry := range []*commitEntry{row.text, row.owner} {
		entry.OnChanged = func(string) { l.idle.poke() }
		entry.OnSubmitted = func(string) { l.commit() }
		entry.onFocusLost = l.commit
	}
	remove := NewTipButton(l.editor.Tips, "", theme.DeleteIcon(), "Remove this idea", func() { l.remove(index) })
	remove.Importance = widget.LowImportance
	row.root = container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(2, row.text, row.owner))
	return row
}

// edited returns the stage's ideas as the rows show them; rows emptied of text and owner drop
// out, since an idea with neither says nothing.
func (l *ideaList) edited() []workshop.Idea {
	var ideas []workshop.Idea
	for _, row := range l.rows {
		text, owner := strings.TrimSpace(row.text.Text), strings.TrimSpace(row.owner.Text)
		if text == "" && owner == "" {
			continue
		}
		ideas = append(ideas, workshop.Idea{Stage: l.editor.stageID, Text: text, Owner: owner})
	}
	return ideas
}

// commit emits the rows' ideas when they differ from the model's.
func (l *ideaList) commit() {
	l.idle.stop()
	if l.editor.stage() == nil {
		return
	}
	l.emit(l.edited())
}

func (l *ideaList) add() {
	text := strings.TrimSpace(l.newText.Text)
	if text == "" || l.editor.stage() == nil {
		return
	}
	ideas := append(l.edited(), workshop.Idea{Stage: l.editor.stageID, Text: text, Owner: strings.TrimSpace(l.newOwner.Text)})
	if l.emit(ideas) {
		l.newText.SetText("")
		l.newOwner.SetText("")
	}
}

func (l *ideaList) remove(index int) {
	ideas := l.edited()
	if index < 0 || index >= len(ideas) {
		return
	}
	l.emit(slices.Delete(ideas, index, index+1))
}

// emit replaces the stage's ideas in the map's list, keeping the other stages' ideas where they
// were, and sends one SetIdeas. It reports whether the command was accepted.
func (l *ideaList) emit(stageIdeasAfter []workshop.Idea) bool {
	m := l.editor.stageMap
	if slices.Equal(stageIdeasAfter, stageIdeas(m, l.editor.stageID)) {
		return true
	}
	var all []workshop.Idea
	next := 0
	for _, idea := range m.Ideas {
		if idea.Stage != l.editor.stageID {
			all = append(all, idea)
		} else if next < len(stageIdeasAfter) {
			all = append(all, stageIdeasAfter[next])
			next++
		}
	}
	all = append(all, stageIdeasAfter[next:]...)
	if l.editor.OnCommand == nil {
		return false
	}
	err := l.editor.OnCommand(&workshop.SetIdeas{MapID: m.ID, Ideas: all})
	showError(l.editor.status, err)
	if err == nil {
		l.show(m, l.editor.stageID, true)
	}
	return err == nil
}
