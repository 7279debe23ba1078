package workshop_test

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
)

// releaseWorkshop is a valid workshop whose stage IDs differ from their names, so that a message
// naming a stage by its ID instead of its name shows up.
func releaseWorkshop() *workshop.Workshop {
	w := workshop.NewWorkshop("Release")
	w.Maps = []*workshop.Map{{
		ID: "m1", Name: "Now", State: workshop.Current,
		Stages: []*workshop.Stage{
			{ID: "s1", Name: "Build", Department: "Development", Process: 60, Wait: 30},
			{ID: "s2", Name: "Test", Department: "QA", Process: 120, Wait: 240, CA: 80, HasCA: true},
			{ID: "s3", Name: "Deploy", Department: "Operations", Process: 15, Wait: 2400},
		},
		Flows: []workshop.Flow{{From: "s1", To: "s2"}, {From: "s2", To: "s3"}, {From: "s3", To: "s1", Rework: true, ReworkPercent: 10}},
		Ideas: []workshop.Idea{{Stage: "s3", Text: "Deploy on demand", Owner: "Ops"}},
	}}
	return w
}

func TestValidateAcceptsValidWorkshop(t *testing.T) {
	if err := releaseWorkshop().Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

func TestValidateFieldErrors(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(w *workshop.Workshop)
		want  workshop.FieldError // Map, Stage, Field and Value are compared; Problem must not be empty
	}{
		{"self-flow", func(w *workshop.Workshop) { w.Maps[0].Flows = append(w.Maps[0].Flows, fwd("s2", "s2")) },
			workshop.FieldError{Map: "Now", Stage: "Test", Field: "flow"}},
		{"duplicate flow", func(w *workshop.Workshop) { w.Maps[0].Flows = append(w.Maps[0].Flows, fwd("s1", "s2")) },
			workshop.FieldError{Map: "Now", Field: "flow", Value: "Build → Test"}},
		{"unknown stage at the start of a flow", func(w *workshop.Workshop) { w.Maps[0].Flows = append(w.Maps[0].Flows, fwd("s9", "s2")) },
			workshop.FieldError{Map: "Now", Field: "flow from", Value: "s9"}},
		{"unknown stage at the end of a flow", func(w *workshop.Workshop) { w.Maps[0].Flows = append(w.Maps[0].Flows, fwd("s1", "s9")) },
			workshop.FieldError{Map: "Now", Field: "flow to", Value: "s9"}},
		{"negative wait", func(w *workshop.Workshop) { w.Maps[0].Stages[2].Wait = -5 },
			workshop.FieldError{Map: "Now", Stage: "Deploy", Field: "wait time", Value: "-5"}},
		{"NaN process", func(w *workshop.Workshop) { w.Maps[0].Stages[0].Process = math.NaN() },
			workshop.FieldError{Map: "Now", Stage: "Build", Field: "process time", Value: "NaN"}},
		{"process beyond the bound", func(w *workshop.Workshop) { w.Maps[0].Stages[0].Process = 2e8 },
			workshop.FieldError{Map: "Now", Stage: "Build", Field: "process time", Value: "2e+08"}},
		{"CA 120", func(w *workshop.Workshop) { w.Maps[0].Stages[1].CA = 120 },
			workshop.FieldError{Map: "Now", Stage: "Test", Field: "%C&A", Value: "120"}},
		{"negative people", func(w *workshop.Workshop) { w.Maps[0].Stages[1].People = -1 },
			workshop.FieldError{Map: "Now", Stage: "Test", Field: "people", Value: "-1"}},
		{"duplicate stage id", func(w *workshop.Workshop) { w.Maps[0].Stages[2].ID = "s1" },
			workshop.FieldError{Map: "Now", Stage: "Deploy", Field: "id", Value: "s1"}},
		{"empty stage id", func(w *workshop.Workshop) { w.Maps[0].Stages[2].ID = ""; w.Maps[0].Flows = nil; w.Maps[0].Ideas = nil },
			workshop.FieldError{Map: "Now", Stage: "Deploy", Field: "id"}},
		{"rework percent 150", func(w *workshop.Workshop) { w.Maps[0].Flows[2].ReworkPercent = 150 },
			workshop.FieldError{Map: "Now", Field: "rework percent", Value: "150"}},
		{"idea on an unknown stage", func(w *workshop.Workshop) { w.Maps[0].Ideas[0].Stage = "s9" },
			workshop.FieldError{Map: "Now", Field: "idea stage", Value: "s9"}},
		{"unknown state", func(w *workshop.Workshop) { w.Maps[0].State = "past" },
			workshop.FieldError{Map: "Now", Field: "state", Value: "past"}},
		{"baseline naming no map", func(w *workshop.Workshop) { w.Maps[0].State, w.Maps[0].Baseline = workshop.Future, "Then" },
			workshop.FieldError{Map: "Now", Field: "baseline", Value: "Then"}},
		{"baseline naming itself", func(w *workshop.Workshop) { w.Maps[0].State, w.Maps[0].Baseline = workshop.Future, "Now" },
			workshop.FieldError{Map: "Now", Field: "baseline", Value: "Now"}},
		{"duplicate map id", func(w *workshop.Workshop) {
			other := w.Maps[0].Clone()
			other.Name = "Copy"
			w.Maps = append(w.Maps, other)
		},
			workshop.FieldError{Map: "Copy", Field: "map id", Value: "m1"}},
		{"empty workshop name", func(w *workshop.Workshop) { w.Name = "  " },
			workshop.FieldError{Field: "workshop name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := releaseWorkshop()
			tt.spoil(w)
			err := w.Validate()
			if err == nil {
				t.Fatal("Validate accepted the broken workshop")
			}
			var got *workshop.FieldError
			if !errors.As(err, &got) {
				t.Fatalf("Validate: %v, want a FieldError", err)
			}
			if got.Map != tt.want.Map || got.Stage != tt.want.Stage || got.Field != tt.want.Field || got.Value != tt.want.Value || got.Problem == "" {
				t.Errorf("FieldError %+v, want %+v", *got, tt.want)
			}
			// The message a facilitator reads names the stage and the field, and quotes the value.
			for _, part := range []string{tt.want.Stage, tt.want.Field, tt.want.Value, tt.want.Map} {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("message %q does not name %q", err, part)
				}
			}
		})
	}
}

func TestValidateForwardLoop(t *testing.T) {
	tests := []struct {
		name  string
		m     *workshop.Map
		stage []string // loop in flow order, the first repeated at the end
	}{
		{
			name: "three stages",
			m: &workshop.Map{Name: "Now", State: workshop.Current,
				Stages: []*workshop.Stage{{ID: "s1", Name: "Build"}, {ID: "s2", Name: "Test"}, {ID: "s3", Name: "Deploy"}},
				Flows:  []workshop.Flow{fwd("s1", "s2"), fwd("s2", "s3"), fwd("s3", "s1")}},
			stage: []string{"Build", "Test", "Deploy", "Build"},
		},
		{
			// Plan → Build ⇄ Test → Ship, with Ship first in map order: only Build and Test loop;
			// Plan and Ship are outside it and must not be named.
			name: "loop inside a longer map",
			m: &workshop.Map{Name: "Now", State: workshop.Current,
				Stages: []*workshop.Stage{{ID: "d", Name: "Ship"}, {ID: "a", Name: "Plan"}, {ID: "b", Name: "Build"}, {ID: "c", Name: "Test"}},
				Flows:  []workshop.Flow{fwd("a", "b"), fwd("b", "c"), fwd("c", "b"), fwd("c", "d")}},
			stage: []string{"Test", "Build", "Test"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.m.Validate()
			var loop *workshop.LoopError
			if !errors.As(err, &loop) {
				t.Fatalf("Validate: %v, want a LoopError", err)
			}
			if !reflect.DeepEqual(loop.Stages, tt.stage) || loop.Map != "Now" {
				t.Errorf("loop %v in map %q, want %v in Now", loop.Stages, loop.Map, tt.stage)
			}
			if !strings.Contains(err.Error(), `"`+tt.stage[0]+`" → "`+tt.stage[1]+`"`) || !strings.Contains(err.Error(), "rework") {
				t.Errorf("message %q should name the loop and suggest a rework flow", err)
			}
		})
	}
}

func TestCheckNewFlow(t *testing.T) {
	m := releaseWorkshop().Maps[0]
	tests := []struct {
		name    string
		flow    workshop.Flow
		refused bool
	}{
		{"forward flow closing a loop", fwd("s3", "s2"), true},
		{"the same as rework", rework("s3", "s2"), false},
		{"forward flow skipping a stage", fwd("s1", "s3"), false},
		{"self-flow", fwd("s1", "s1"), true},
		{"duplicate", fwd("s1", "s2"), true},
		{"unknown stage", fwd("s1", "s9"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := m.CheckNewFlow(tt.flow); (err != nil) != tt.refused {
				t.Errorf("CheckNewFlow(%+v) = %v, refused want %v", tt.flow, err, tt.refused)
			}
		})
	}
	var loop *workshop.LoopError
	if err := m.CheckNewFlow(fwd("s3", "s2")); !errors.As(err, &loop) || !reflect.DeepEqual(loop.Stages, []string{"Test", "Deploy", "Test"}) {
		t.Errorf("closing Test → Deploy → Test: %v", err)
	}
}
