package workshop_test

import (
	"strconv"
	"strings"
	"testing"

	"leadline.app/leadline/workshop"
)

// The edit commands stop at the bounds an import is held to (issue 10, findings 4 and 10), so
// the app and `leadline edit` can never build a workshop the importer would refuse.
func TestCommandsStopAtTheBounds(t *testing.T) {
	full := func() *workshop.Workshop {
		w := workshop.NewWorkshop("Full")
		m := &workshop.Map{ID: "m1", Name: "M", State: workshop.Current}
		for i := range workshop.MaxStages {
			m.Stages = append(m.Stages, &workshop.Stage{ID: "s" + strconv.Itoa(i), Name: "S"})
		}
		w.Maps = []*workshop.Map{m}
		return w
	}
	small := func() *workshop.Workshop {
		w := workshop.NewWorkshop("Small")
		w.Maps = []*workshop.Map{{ID: "m1", Name: "M", State: workshop.Current,
			Stages: []*workshop.Stage{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}}}
		return w
	}
	long := strings.Repeat("n", workshop.MaxNameLength+1)
	tests := []struct {
		name string
		w    *workshop.Workshop
		cmd  workshop.Command
		want string
	}{
		{"the 5,001st stage", full(), &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: "One more"}}, "at most 5000 stages"},
		{"a copy past 5,000 stages", full(), &workshop.AddMap{Map: &workshop.Map{Name: "Copy", State: workshop.Current, Stages: []*workshop.Stage{{ID: "x", Name: "X"}}}}, "at most 5000 stages"},
		{"a stage off the canvas", small(), &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: "Far", X: 1e300}}, "off the canvas"},
		{"a move off the canvas", small(), &workshop.MoveStage{MapID: "m1", StageID: "a", X: 1, Y: -1e300}, "off the canvas"},
		{"a stage name too long", small(), &workshop.AddStage{MapID: "m1", Stage: workshop.Stage{Name: long}}, "at most 500 fit"},
		{"a map name too long", small(), &workshop.EditMap{MapID: "m1", Name: long, State: workshop.Current}, "at most 500 fit"},
		{"an idea too long", small(), &workshop.SetIdeas{MapID: "m1", Ideas: []workshop.Idea{{Stage: "a", Text: strings.Repeat("i", workshop.MaxNotesLength+1)}}}, "at most 20000 fit"},
		{"too many ideas", small(), &workshop.SetIdeas{MapID: "m1", Ideas: make([]workshop.Idea, workshop.MaxIdeas+1)}, "at most 5000 ideas"},
		{"workshop notes too long", small(), &workshop.EditWorkshop{Fields: workshop.WorkshopFields{Name: "W", Notes: strings.Repeat("x", workshop.MaxNotesLength+1), Calendar: workshop.DefaultCalendar}}, "at most 20000 fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.w.Clone()
			_, err := tt.cmd.Apply(tt.w)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Apply = %v, want an error saying %q", err, tt.want)
			}
			if len(tt.w.Maps) != len(before.Maps) || len(tt.w.Maps[0].Stages) != len(before.Maps[0].Stages) ||
				tt.w.Notes != before.Notes || tt.w.Maps[0].Name != before.Maps[0].Name || len(tt.w.Maps[0].Ideas) != 0 {
				t.Error("a refused command changed the workshop")
			}
		})
	}
	w := workshop.NewWorkshop("Maps")
	for i := range workshop.MaxMaps {
		if _, err := (&workshop.AddMap{Map: &workshop.Map{Name: "M" + strconv.Itoa(i), State: workshop.Current}}).Apply(w); err != nil {
			t.Fatalf("map %d: %v", i+1, err)
		}
	}
	if _, err := (&workshop.AddMap{Map: &workshop.Map{Name: "One more", State: workshop.Current}}).Apply(w); err == nil || !strings.Contains(err.Error(), "at most 100 maps") {
		t.Errorf("the 101st map: %v", err)
	}
}
