package canvas

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"leadline.app/leadline/workshop"
)

// The GL driver's key dispatch, as the harness needs it: Tab moves the focus unless the
// focused widget accepts it, shortcuts go to a focused Shortcutable, the rest to TypedKey.

func (h *harness) focused() fyne.Focusable {
	h.t.Helper()
	f := h.window.Canvas().Focused()
	if f == nil {
		h.t.Fatal("nothing has the keyboard focus")
	}
	return f
}

func (h *harness) press(keys ...fyne.KeyName) {
	h.t.Helper()
	for _, key := range keys {
		f := h.focused()
		if tabbable, ok := f.(fyne.Tabbable); key == fyne.KeyTab && (!ok || !tabbable.AcceptsTab()) {
			h.window.Canvas().FocusNext()
			continue
		}
		f.TypedKey(&fyne.KeyEvent{Name: key})
	}
}

// shiftPress holds Shift (KeyDown on the focused widget, as the driver sends) around a key.
func (h *harness) shiftPress(key fyne.KeyName) {
	h.t.Helper()
	if k, ok := h.focused().(desktop.Keyable); ok {
		k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	h.press(key)
	if k, ok := h.focused().(desktop.Keyable); ok {
		k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
}

func (h *harness) typeText(text string) {
	h.t.Helper()
	for _, r := range text {
		h.focused().TypedRune(r)
	}
}

func (h *harness) shortcut(s fyne.Shortcut) {
	h.t.Helper()
	sc, ok := h.focused().(fyne.Shortcutable)
	if !ok {
		h.t.Fatalf("%T takes no shortcuts", h.focused())
	}
	sc.TypedShortcut(s)
}

// emptyWorkshop is a workshop with one map and no stages: where keyboard building starts.
func emptyWorkshop() *workshop.Workshop {
	w := workshop.NewWorkshop("Empty")
	w.Maps = []*workshop.Map{{ID: "m1", Name: "Current state", State: workshop.Current}}
	return w
}

func (h *harness) stage(id string) *workshop.Stage {
	h.t.Helper()
	s := h.model.Stage(id)
	if s == nil {
		h.t.Fatalf("no stage %q; stages: %v", id, h.model.Stages)
	}
	return s
}

// flows lists the map's flows as "from→to", sorted.
func (h *harness) flows() []string {
	var out []string
	for _, f := range h.model.Flows {
		out = append(out, f.From+"→"+f.To)
	}
	slices.Sort(out)
	return out
}

func (h *harness) assertFlows(when string, want ...string) {
	h.t.Helper()
	slices.Sort(want)
	if got := h.flows(); !slices.Equal(got, want) {
		h.t.Errorf("%s: flows %v, want %v", when, got, want)
	}
}

func (h *harness) assertEditing(when, stageID string) {
	h.t.Helper()
	id, open := h.view.EditorOpen()
	if !open || id != stageID {
		h.t.Fatalf("%s: editor open=%v on %q, want it open on %q", when, open, id, stageID)
	}
	if _, ok := h.focused().(*editorField); !ok {
		h.t.Fatalf("%s: focus is on %T, want an editor field", when, h.focused())
	}
}

func (h *harness) assertClosed(when string) {
	h.t.Helper()
	if id, open := h.view.EditorOpen(); open {
		h.t.Fatalf("%s: editor still open on %q", when, id)
	}
	if h.focused() != fyne.Focusable(h.view) {
		h.t.Fatalf("%s: focus is on %T, want the map", when, h.focused())
	}
}

// fill types name, process and wait into an open on-card editor and commits with Enter.
func (h *harness) fill(name, process, wait string) {
	h.t.Helper()
	h.typeText(name)
	h.press(fyne.KeyTab)
	h.typeText(process)
	h.press(fyne.KeyTab)
	h.typeText(wait)
	h.press(fyne.KeyReturn)
}

// assertSevenStageForkJoin checks issue 9's measure as TestSevenStageForkJoinByKeyboard
// builds it: Idea → Build → {PM, PO, QA sign-off} → Release → Support, every stage timed.
func (h *harness) assertSevenStageForkJoin() {
	h.t.Helper()
	byName := map[string]string{}
	for _, s := range h.model.Stages {
		byName[s.ID] = s.Name
		if s.Process == 0 || s.Wait == 0 {
			h.t.Errorf("stage %q has process %v and wait %v; want both", s.Name, s.Process, s.Wait)
		}
	}
	var flows []string
	for _, f := range h.model.Flows {
		flows = append(flows, byName[f.From]+"→"+byName[f.To])
	}
	slices.Sort(flows)
	want := []string{"Build→PM sign-off", "Build→PO sign-off", "Build→QA sign-off", "Idea→Build",
		"PM sign-off→Release", "PO sign-off→Release", "QA sign-off→Release", "Release→Support"}
	if len(h.model.Stages) != 7 || !slices.Equal(flows, want) {
		h.t.Fatalf("%d stages, flows %v; want 7 and %v", len(h.model.Stages), flows, want)
	}
}
