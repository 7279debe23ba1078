package workshop_test

import (
	"reflect"
	"testing"

	"leadline.app/leadline/workshop"
)

// Changes of a batch merge by union: each map once, each stage once, nothing widened.
func TestChangeUnion(t *testing.T) {
	tests := []struct {
		name string
		a, b workshop.Change
		want workshop.Change
	}{
		{"two moves on one map stay moves", workshop.StagesMoved("m1", "a"), workshop.StagesMoved("m1", "b", "a"),
			workshop.Change{Maps: []workshop.MapChange{{MapID: "m1", Stages: []string{"a", "b"}, MovedOnly: true}}}},
		{"a move and an edit are not only a move", workshop.StagesMoved("m1", "a"), workshop.StagesChanged("m1", "a"),
			workshop.Change{Maps: []workshop.MapChange{{MapID: "m1", Stages: []string{"a"}}}}},
		{"a move and a flow keep the move", workshop.StagesMoved("m1", "a"), workshop.FlowsChanged("m1"),
			workshop.Change{Maps: []workshop.MapChange{{MapID: "m1", Stages: []string{"a"}, MovedOnly: true, Flows: true}}}},
		{"two maps stay apart", workshop.IdeasChanged("m1"), workshop.MapFieldsChanged("m2"),
			workshop.Change{Maps: []workshop.MapChange{{MapID: "m1", Ideas: true}, {MapID: "m2", Fields: true}}}},
		{"workshop and map list", workshop.WorkshopFieldsChanged(), workshop.MapListChanged(),
			workshop.Change{Workshop: true, MapList: true}},
		{"nothing and nothing", workshop.Change{}, workshop.Change{}, workshop.Change{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.a.Union(tt.b)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("union\n got %+v\nwant %+v", got, tt.want)
			}
			if tt.want.IsZero() != got.IsZero() {
				t.Errorf("IsZero %v", got.IsZero())
			}
		})
	}
}
