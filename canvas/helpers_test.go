package canvas

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadline.app/leadline/workshop"
)

// harness is a MapView wired as the app wires it: commands go through a real History on a
// real workshop, metrics are recomputed and handed back through Apply.
type harness struct {
	t        *testing.T
	view     *MapView
	window   fyne.Window
	workshop *workshop.Workshop
	model    *workshop.Map
	history  *workshop.History
	commands []workshop.Command // every command the view emitted, applied or refused
	errors   []error
	renames  []string
}

func newHarness(t *testing.T, w *workshop.Workshop, size fyne.Size) *harness {
	t.Helper()
	h := &harness{t: t, workshop: w, model: w.Maps[0], history: &workshop.History{}}
	h.view = NewMapView()
	h.view.OnCommand = func(cmd workshop.Command) error {
		h.commands = append(h.commands, cmd)
		ch, err := h.history.Do(h.workshop, cmd)
		if err != nil {
			return err
		}
		h.view.Apply(ch, h.metrics())
		return nil
	}
	h.view.OnError = func(err error) { h.errors = append(h.errors, err) }
	h.view.OnRenameRequest = func(id string) { h.renames = append(h.renames, id) }
	h.window = test.NewTempWindow(t, h.view)
	h.window.SetPadded(false)
	h.window.Resize(size)
	h.view.SetMap(w, h.model, h.metrics())
	return h
}

func (h *harness) metrics() *workshop.Metrics {
	mt, err := h.workshop.Compute(h.model)
	if err != nil {
		return nil
	}
	return mt
}

// dragFrom sends the events Fyne's GL driver sends for a drag: each Dragged carries the
// pointer's current position relative to obj and the step since the last event, then DragEnd.
// test.Drag sends a single event at one point, which cannot carry a drag from a handle or the
// palette onto another object.
func dragFrom(obj fyne.Draggable, start fyne.Position, dx, dy float32, steps int) {
	pointer := start
	for i := 0; i < steps; i++ {
		step := fyne.NewDelta(dx/float32(steps), dy/float32(steps))
		pointer = pointer.AddXY(step.DX, step.DY)
		obj.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pointer}, Dragged: step})
	}
	obj.DragEnd()
}

// chainWorkshop is a map of n stages in rows of ten, each flowing into the next.
func chainWorkshop(n int) *workshop.Workshop {
	w := workshop.NewWorkshop("Chain")
	m := &workshop.Map{ID: "m1", Name: "Chain", State: workshop.Current}
	for i := 0; i < n; i++ {
		d := workshop.Departments[i%len(workshop.Departments)]
		m.Stages = append(m.Stages, &workshop.Stage{ID: fmt.Sprintf("s%d", i+1), Name: fmt.Sprintf("Stage %d", i+1),
			Department: d.Name, Process: float64(30 + i%7*60), Wait: float64(i%11) * 480,
			X: float64(i%10) * 200, Y: float64(i/10) * 150})
		if i > 0 {
			m.Flows = append(m.Flows, workshop.Flow{From: fmt.Sprintf("s%d", i), To: fmt.Sprintf("s%d", i+1)})
		}
	}
	w.Maps = []*workshop.Map{m}
	return w
}

// releaseWorkshop is a sample-like map: idea to customer with a parallel approval, parallel
// sign-offs, a rework flow back from QA, and ideas on two stages.
func releaseWorkshop() *workshop.Workshop {
	w := workshop.NewWorkshop("Feature release")
	m := &workshop.Map{ID: "m1", Name: "Idea to customer", State: workshop.Current}
	stage := func(id, name, department string, process, wait float64, ca float64, x, y float64) {
		s := &workshop.Stage{ID: id, Name: name, Department: department, Process: process, Wait: wait, X: x, Y: y}
		if ca > 0 {
			s.CA, s.HasCA = ca, true
		}
		m.Stages = append(m.Stages, s)
	}
	const day, week = 480, 2400
	stage("s1", "Campaign", "Marketing", 2*day, 0, 90, 0, 140)
	stage("s2", "Sales lead", "Sales", 60, 3*day, 80, 200, 140)
	stage("s3", "Proposal", "Sales", 4*60, 2*day, 70, 400, 140)
	stage("s4", "Legal review", "Legal", 3*60, 2*week, 95, 600, 140)
	stage("s5", "Budget approval", "Finance", 2*60, 6*week, 0, 800, 40)
	stage("s6", "Vendor evaluation", "Procurement", 5*day, 3*week, 85, 800, 240)
	stage("s7", "Backlog refinement", "Product", 4*60, week, 75, 1000, 140)
	stage("s8", "Development", "Development", 5*day, 2*day, 70, 1200, 140)
	stage("s9", "Build and test", "Development", 24*60, 0, 90, 1400, 140)
	stage("s10", "Staging deploy", "Operations", 60, day, 95, 1600, 140)
	stage("s11", "PM sign-off", "Project management", 60, 3*day, 0, 1800, 20)
	stage("s12", "PO sign-off", "Product", 60, 2*day, 0, 1800, 140)
	stage("s13", "QA sign-off", "QA", 4*60, 4*day, 60, 1800, 260)
	stage("s14", "Weekly release", "Operations", 30, week, 98, 2000, 140)
	stage("s15", "Customer support", "Support", 2*60, 0, 0, 2200, 140)
	for _, f := range [][2]string{{"s1", "s2"}, {"s2", "s3"}, {"s3", "s4"}, {"s4", "s5"}, {"s4", "s6"}, {"s5", "s7"},
		{"s6", "s7"}, {"s7", "s8"}, {"s8", "s9"}, {"s9", "s10"}, {"s10", "s11"}, {"s10", "s12"}, {"s10", "s13"},
		{"s11", "s14"}, {"s12", "s14"}, {"s13", "s14"}, {"s14", "s15"}} {
		m.Flows = append(m.Flows, workshop.Flow{From: f[0], To: f[1]})
	}
	m.Flows = append(m.Flows, workshop.Flow{From: "s13", To: "s8", Rework: true, ReworkPercent: 20})
	m.Ideas = []workshop.Idea{{Stage: "s5", Text: "Quarterly budget envelope", Owner: "CFO"},
		{Stage: "s13", Text: "Automate regression", Owner: "QA lead"}}
	w.Maps = []*workshop.Map{m}
	return w
}
