package workshop_test

import (
	"errors"
	"reflect"
	"testing"

	"leadline.app/leadline/workshop"
)

// twoMaps is the release workshop with a future state "Next" (m2) of its map "Now" (m1).
func twoMaps() *workshop.Workshop {
	w := releaseWorkshop()
	next := w.Maps[0].Clone()
	next.ID, next.Name, next.State, next.Baseline = "m2", "Next", workshop.Future, "Now"
	w.Maps = append(w.Maps, next)
	return w
}

// fresh stands for an id the command picks itself (random, see ids.go); the test puts the real
// one in once the command has run.
const fresh = "<fresh>"

var (
	stagesChange = workshop.StagesChanged
	movedChange  = workshop.StagesMoved
	flowsChange  = workshop.FlowsChanged
	ideasChange  = workshop.IdeasChanged
	fieldsChange = workshop.MapFieldsChanged
	listChange   = workshop.MapListChanged()
)

// wholeMap names every row of a map holding these stages.
func wholeMap(mapID string, stageIDs ...string) workshop.Change {
	return workshop.Change{Maps: []workshop.MapChange{{MapID: mapID, Fields: true, Stages: stageIDs, Flows: true, Ideas: true}}}
}

// withFresh replaces the fresh placeholder with the id that Do picked.
func withFresh(ch workshop.Change, id string) workshop.Change {
	out := ch.Union(workshop.Change{})
	for i := range out.Maps {
		if out.Maps[i].MapID == fresh {
			out.Maps[i].MapID = id
		}
		for j, s := range out.Maps[i].Stages {
			if s == fresh {
				out.Maps[i].Stages[j] = id
			}
		}
	}
	return out
}

// freshID finds the stage or map id that is in after and not in before.
func freshID(before, after *workshop.Workshop) string {
	for _, m := range after.Maps {
		old := before.MapByID(m.ID)
		if old == nil {
			return m.ID
		}
		for _, s := range m.Stages {
			if old.Stage(s.ID) == nil {
				return s.ID
			}
		}
	}
	return ""
}

// deleteS3 is what deleting Deploy touches: the stage, its two flows and its idea.
var deleteS3 = workshop.Change{Maps: []workshop.MapChange{{MapID: "m1", Stages: []string{"s3"}, Flows: true, Ideas: true}}}

func withFlows(ch workshop.Change) workshop.Change {
	ch.Maps[0].Flows = true
	return ch
}

func TestCommandsApplyUndoRedo(t *testing.T) {
	tests := []struct {
		name        string
		command     func(w *workshop.Workshop) workshop.Command
		apply, undo workshop.Change
		check       func(t *testing.T, w *workshop.Workshop) // what Apply must have done
	}{
		{
			name: "add stage with a fresh id",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: "Review", Process: 30}}
			},
			apply: stagesChange("m1", fresh), undo: stagesChange("m1", fresh),
			check: func(t *testing.T, w *workshop.Workshop) {
				s := w.Maps[0].Stages[3]
				if s.Name != "Review" || s.Process != 30 || len(s.ID) != 9 || s.ID[0] != 's' {
					t.Errorf("new stage = %+v, want Review with 30m process and an id s + 8 hex digits", s)
				}
			},
		},
		{
			name: "add stage with its own id",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.AddStage{MapID: "m2", Stage: workshop.Stage{ID: "review", Name: "Review"}}
			},
			apply: stagesChange("m2", "review"), undo: stagesChange("m2", "review"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if w.Maps[1].Stage("review") == nil || len(w.Maps[0].Stages) != 3 {
					t.Error("the stage did not land on m2 alone")
				}
			},
		},
		{
			name: "move stage",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.MoveStage{MapID: "m1", StageID: "s2", X: 300, Y: 40}
			},
			apply: movedChange("m1", "s2"), undo: movedChange("m1", "s2"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if s := w.Maps[0].Stage("s2"); s.X != 300 || s.Y != 40 {
					t.Errorf("s2 at %v,%v, want 300,40", s.X, s.Y)
				}
			},
		},
		{
			name: "edit stage",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.EditStage{MapID: "m1", StageID: "s2", Stage: workshop.Stage{ID: "ignored", Name: "Test in staging", Department: "QA", Wait: 10, Process: 60, People: 2}}
			},
			apply: stagesChange("m1", "s2"), undo: stagesChange("m1", "s2"),
			check: func(t *testing.T, w *workshop.Workshop) {
				want := workshop.Stage{ID: "s2", Name: "Test in staging", Department: "QA", Wait: 10, Process: 60, People: 2}
				if got := *w.Maps[0].Stages[1]; got != want {
					t.Errorf("s2 = %+v, want %+v (the ID never changes)", got, want)
				}
			},
		},
		{
			name:    "delete stage with its flows and ideas",
			command: func(*workshop.Workshop) workshop.Command { return &workshop.DeleteStage{MapID: "m1", StageID: "s3"} },
			apply:   deleteS3, undo: deleteS3,
			check: func(t *testing.T, w *workshop.Workshop) {
				m := w.Maps[0]
				if m.Stage("s3") != nil || len(m.Flows) != 1 || m.Flows[0] != fwd("s1", "s2") || len(m.Ideas) != 0 {
					t.Errorf("after deleting s3: stages %v, flows %v, ideas %v", ids(m.Stages), m.Flows, m.Ideas)
				}
			},
		},
		{
			name: "add forward flow",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.AddFlow{MapID: "m1", Flow: fwd("s1", "s3")}
			},
			apply: flowsChange("m1"), undo: flowsChange("m1"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if w.Maps[0].FlowIndex("s1", "s3") != 3 {
					t.Error("flow s1 → s3 not appended")
				}
			},
		},
		{
			name: "add rework flow",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.AddFlow{MapID: "m1", Flow: rework("s3", "s2")}
			},
			apply: flowsChange("m1"), undo: flowsChange("m1"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if i := w.Maps[0].FlowIndex("s3", "s2"); i < 0 || !w.Maps[0].Flows[i].Rework {
					t.Error("rework s3 → s2 not added")
				}
			},
		},
		{
			name: "delete flow",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.DeleteFlow{MapID: "m1", From: "s1", To: "s2"}
			},
			apply: flowsChange("m1"), undo: flowsChange("m1"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if w.Maps[0].FlowIndex("s1", "s2") >= 0 || len(w.Maps[0].Flows) != 2 {
					t.Errorf("flows %v", w.Maps[0].Flows)
				}
			},
		},
		{
			name: "edit flow: rework percent",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.EditFlow{MapID: "m1", From: "s3", To: "s1", Rework: true, ReworkPercent: 50}
			},
			apply: flowsChange("m1"), undo: flowsChange("m1"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if f := w.Maps[0].Flows[2]; f.ReworkPercent != 50 || !f.Rework {
					t.Errorf("flow %+v", f)
				}
			},
		},
		{
			name: "edit flow: forward becomes rework",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.EditFlow{MapID: "m1", From: "s1", To: "s2", Rework: true, ReworkPercent: 5}
			},
			apply: flowsChange("m1"), undo: flowsChange("m1"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if f := w.Maps[0].Flows[0]; !f.Rework || f.From != "s1" {
					t.Errorf("flow %+v", f)
				}
			},
		},
		{
			name: "set ideas",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.SetIdeas{MapID: "m1", Ideas: []workshop.Idea{{Stage: "s2", Text: "Automate tests", Owner: "QA"}, {Text: "Map-wide idea"}}}
			},
			apply: ideasChange("m1"), undo: ideasChange("m1"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if len(w.Maps[0].Ideas) != 2 || w.Maps[0].Ideas[0].Text != "Automate tests" {
					t.Errorf("ideas %+v", w.Maps[0].Ideas)
				}
			},
		},
		{
			name: "add map",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.AddMap{Map: &workshop.Map{Name: "Hotfix", State: workshop.Current}}
			},
			apply: listChange.Union(wholeMap(fresh)), undo: listChange,
			check: func(t *testing.T, w *workshop.Workshop) {
				if len(w.Maps) != 3 || w.Maps[2].ID[0] != 'm' || w.Maps[2].Name != "Hotfix" {
					t.Errorf("maps %d, last %+v", len(w.Maps), w.Maps[len(w.Maps)-1])
				}
			},
		},
		{
			name: "add a future state",
			command: func(w *workshop.Workshop) workshop.Command {
				return &workshop.AddMap{Map: workshop.FutureStateOf(w, w.Maps[0])}
			},
			apply: listChange.Union(wholeMap(fresh, "s1", "s2", "s3")), undo: listChange,
			check: func(t *testing.T, w *workshop.Workshop) {
				f := w.Maps[2]
				if f.ID == "m1" || f.ID == "m2" || f.Name != "Now (future)" || f.State != workshop.Future || f.Baseline != "Now" || len(f.Stages) != 3 {
					t.Errorf("future state %+v", f)
				}
				if f.Stages[0] == w.Maps[0].Stages[0] {
					t.Error("the future state shares stages with its baseline")
				}
			},
		},
		{
			name:    "delete map",
			command: func(*workshop.Workshop) workshop.Command { return &workshop.DeleteMap{MapID: "m1"} },
			// The future state m2 loses its baseline; undo puts the whole of m1 back.
			apply: listChange.Union(fieldsChange("m2")), undo: listChange.Union(wholeMap("m1", "s1", "s2", "s3")).Union(fieldsChange("m2")),
			check: func(t *testing.T, w *workshop.Workshop) {
				if len(w.Maps) != 1 || w.Maps[0].ID != "m2" {
					t.Fatalf("maps left: %d", len(w.Maps))
				}
				if w.Maps[0].Baseline != "" || w.Validate() != nil {
					t.Errorf("the future state still names the deleted baseline %q: %v", w.Maps[0].Baseline, w.Validate())
				}
			},
		},
		{
			name: "rename map, its future state follows",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.EditMap{MapID: "m1", Name: "Today", State: workshop.Current}
			},
			apply: fieldsChange("m1").Union(fieldsChange("m2")), undo: fieldsChange("m1").Union(fieldsChange("m2")),
			check: func(t *testing.T, w *workshop.Workshop) {
				if w.Maps[0].Name != "Today" || w.Maps[1].Baseline != "Today" {
					t.Errorf("names %q, baseline %q", w.Maps[0].Name, w.Maps[1].Baseline)
				}
			},
		},
		{
			name: "edit workshop fields",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.EditWorkshop{Fields: workshop.WorkshopFields{Name: "Release v2", Facilitator: "Ada", Date: "2025-03-04",
					Notes: "Room 4", Participants: []string{"PM", "QA"}, Calendar: shortWeek}}
			},
			apply: workshop.WorkshopFieldsChanged(), undo: workshop.WorkshopFieldsChanged(),
			check: func(t *testing.T, w *workshop.Workshop) {
				if w.Name != "Release v2" || w.Calendar != shortWeek || !reflect.DeepEqual(w.Participants, []string{"PM", "QA"}) {
					t.Errorf("fields %+v", w.Fields())
				}
			},
		},
		{
			name: "batch on one map",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.Batch{Name: "Delete selection", Commands: []workshop.Command{
					&workshop.DeleteStage{MapID: "m1", StageID: "s1"}, &workshop.DeleteStage{MapID: "m1", StageID: "s2"}}}
			},
			// s1 takes two flows with it, s2 the one left; neither has an idea.
			apply: withFlows(stagesChange("m1", "s1", "s2")), undo: withFlows(stagesChange("m1", "s2", "s1")),
			check: func(t *testing.T, w *workshop.Workshop) {
				if got := ids(w.Maps[0].Stages); !reflect.DeepEqual(got, []string{"s3"}) {
					t.Errorf("stages left %v", got)
				}
			},
		},
		{
			name: "batch on two stages of one map names both, nothing more",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.Batch{Name: "Align", Commands: []workshop.Command{
					&workshop.MoveStage{MapID: "m1", StageID: "s1", Y: 100}, &workshop.MoveStage{MapID: "m1", StageID: "s2", Y: 100}}}
			},
			apply: movedChange("m1", "s1", "s2"), undo: movedChange("m1", "s2", "s1"),
		},
		{
			name: "batch on one stage stays on the stage",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.Batch{Name: "Nudge", Commands: []workshop.Command{
					&workshop.MoveStage{MapID: "m1", StageID: "s1", X: 5}, &workshop.MoveStage{MapID: "m1", StageID: "s1", X: 10}}}
			},
			apply: movedChange("m1", "s1"), undo: movedChange("m1", "s1"),
			check: func(t *testing.T, w *workshop.Workshop) {
				if w.Maps[0].Stages[0].X != 10 {
					t.Errorf("s1 at x %v, want 10", w.Maps[0].Stages[0].X)
				}
			},
		},
		{
			name: "batch across maps names each map",
			command: func(*workshop.Workshop) workshop.Command {
				return &workshop.Batch{Name: "Move both", Commands: []workshop.Command{
					&workshop.MoveStage{MapID: "m1", StageID: "s1", X: 5}, &workshop.MoveStage{MapID: "m2", StageID: "s1", X: 5}}}
			},
			apply: movedChange("m1", "s1").Union(movedChange("m2", "s1")), undo: movedChange("m2", "s1").Union(movedChange("m1", "s1")),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := twoMaps()
			before := w.Clone()
			liveMaps := append([]*workshop.Map(nil), w.Maps...)
			var h workshop.History
			command := tt.command(w)

			change, err := h.Do(w, command)
			if err != nil {
				t.Fatalf("Do: %v", err)
			}
			id := freshID(before, w)
			tt.apply, tt.undo = withFresh(tt.apply, id), withFresh(tt.undo, id)
			if !reflect.DeepEqual(change, tt.apply) {
				t.Errorf("Do changed %+v, want %+v", change, tt.apply)
			}
			after := w.Clone()
			if reflect.DeepEqual(after, before) {
				t.Fatal("Do left the workshop as it was")
			}
			if tt.check != nil {
				tt.check(t, w)
			}
			if h.UndoLabel() != command.Label() || command.Label() == "" {
				t.Errorf("undo label %q, want %q", h.UndoLabel(), command.Label())
			}

			// Two rounds: a command must survive being undone and redone more than once.
			for round := 1; round <= 2; round++ {
				change, err = h.Undo(w)
				if err != nil {
					t.Fatalf("round %d Undo: %v", round, err)
				}
				if !reflect.DeepEqual(change, tt.undo) {
					t.Errorf("round %d Undo changed %+v, want %+v", round, change, tt.undo)
				}
				if got := w.Clone(); !reflect.DeepEqual(got, before) {
					t.Fatalf("round %d: Undo did not restore the workshop\n got %+v\nwant %+v", round, got.Maps, before.Maps)
				}
				for i, m := range liveMaps {
					if w.Maps[i] != m {
						t.Errorf("round %d: after Undo map %d is a copy, not the live map", round, i)
					}
				}
				change, err = h.Redo(w)
				if err != nil {
					t.Fatalf("round %d Redo: %v", round, err)
				}
				if !reflect.DeepEqual(change, tt.apply) {
					t.Errorf("round %d Redo changed %+v, want %+v", round, change, tt.apply)
				}
				if got := w.Clone(); !reflect.DeepEqual(got, after) {
					t.Fatalf("round %d: Redo did not give the same workshop as Do", round)
				}
			}
		})
	}
}

func TestRefusedCommandsChangeNothing(t *testing.T) {
	tests := []struct {
		name    string
		command workshop.Command
		loop    bool // the error must be a LoopError
	}{
		{"forward flow closing a loop", &workshop.AddFlow{MapID: "m1", Flow: fwd("s3", "s2")}, true},
		{"self-flow", &workshop.AddFlow{MapID: "m1", Flow: fwd("s2", "s2")}, false},
		{"duplicate flow", &workshop.AddFlow{MapID: "m1", Flow: fwd("s1", "s2")}, false},
		{"flow to an unknown stage", &workshop.AddFlow{MapID: "m1", Flow: fwd("s1", "s9")}, false},
		{"flow on an unknown map", &workshop.AddFlow{MapID: "m9", Flow: fwd("s1", "s3")}, false},
		{"rework turned forward closes a loop", &workshop.EditFlow{MapID: "m1", From: "s3", To: "s1"}, true},
		{"edit an unknown flow", &workshop.EditFlow{MapID: "m1", From: "s1", To: "s3"}, false},
		{"delete an unknown flow", &workshop.DeleteFlow{MapID: "m1", From: "s1", To: "s3"}, false},
		{"stage with negative wait", &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: "Bad", Wait: -1}}, false},
		{"stage with a taken id", &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{ID: "s1", Name: "Twin"}}, false},
		{"edit to CA 120", &workshop.EditStage{MapID: "m1", StageID: "s2", Stage: workshop.Stage{Name: "Test", CA: 120, HasCA: true}}, false},
		{"edit an unknown stage", &workshop.EditStage{MapID: "m1", StageID: "s9", Stage: workshop.Stage{Name: "X"}}, false},
		{"move an unknown stage", &workshop.MoveStage{MapID: "m1", StageID: "s9"}, false},
		{"delete an unknown stage", &workshop.DeleteStage{MapID: "m1", StageID: "s9"}, false},
		{"idea on an unknown stage", &workshop.SetIdeas{MapID: "m1", Ideas: []workshop.Idea{{Stage: "s9", Text: "x"}}}, false},
		{"map with a taken id", &workshop.AddMap{Map: &workshop.Map{ID: "m1", Name: "Twin", State: workshop.Current}}, false},
		{"map with a loop", &workshop.AddMap{Map: &workshop.Map{Name: "Loop", State: workshop.Current,
			Stages: []*workshop.Stage{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}, Flows: []workshop.Flow{fwd("a", "b"), fwd("b", "a")}}}, true},
		{"delete an unknown map", &workshop.DeleteMap{MapID: "m9"}, false},
		{"baseline naming no map", &workshop.EditMap{MapID: "m2", Name: "Next", State: workshop.Future, Baseline: "Then"}, false},
		{"baseline naming itself by its old name", &workshop.EditMap{MapID: "m1", Name: "Today", State: workshop.Future, Baseline: "Now"}, false},
		{"unknown state", &workshop.EditMap{MapID: "m1", Name: "Now", State: "past"}, false},
		{"blank workshop name", &workshop.EditWorkshop{Fields: workshop.WorkshopFields{Name: " ", Calendar: workshop.DefaultCalendar}}, false},
		{"25-hour day", &workshop.EditWorkshop{Fields: workshop.WorkshopFields{Name: "R", Calendar: workshop.Calendar{HoursPerDay: 25, DaysPerWeek: 5}}}, false},
		{"8-day week", &workshop.EditWorkshop{Fields: workshop.WorkshopFields{Name: "R", Calendar: workshop.Calendar{HoursPerDay: 8, DaysPerWeek: 8}}}, false},
		{
			// The move and the delete succeed, the loop fails: Batch must roll both back.
			"batch failing half way", &workshop.Batch{Name: "Mixed", Commands: []workshop.Command{
				&workshop.MoveStage{MapID: "m1", StageID: "s1", X: 99},
				&workshop.DeleteStage{MapID: "m1", StageID: "s3"},
				&workshop.EditStage{MapID: "m1", StageID: "s2", Stage: workshop.Stage{Name: "Renamed"}},
				&workshop.AddFlow{MapID: "m1", Flow: fwd("s2", "s1")},
			}}, true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := twoMaps()
			var h workshop.History
			// Leave one command on each stack, to see that a refusal touches neither.
			if _, err := h.Do(w, &workshop.MoveStage{MapID: "m1", StageID: "s1", X: 1}); err != nil {
				t.Fatal(err)
			}
			if _, err := h.Do(w, &workshop.MoveStage{MapID: "m1", StageID: "s2", X: 2}); err != nil {
				t.Fatal(err)
			}
			if _, err := h.Undo(w); err != nil {
				t.Fatal(err)
			}
			before := w.Clone()

			_, err := h.Do(w, tt.command)
			if err == nil {
				t.Fatal("Do accepted the command")
			}
			var loop *workshop.LoopError
			if tt.loop != errors.As(err, &loop) {
				t.Errorf("error %v: LoopError %v, want %v", err, !tt.loop, tt.loop)
			}
			if got := w.Clone(); !reflect.DeepEqual(got, before) {
				t.Errorf("a refused command changed the workshop\n got %+v\nwant %+v", got.Maps[0], before.Maps[0])
			}
			if h.UndoLabel() != "Move stage" || h.RedoLabel() != "Move stage" {
				t.Errorf("history touched: undo %q, redo %q", h.UndoLabel(), h.RedoLabel())
			}
		})
	}
}
