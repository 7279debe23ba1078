package workshop

import (
	"errors"
	"slices"
	"testing"
)

func layoutMap(stages []string, flows [][2]string, rework ...[2]string) *Map {
	m := &Map{ID: "m1", Name: "Layout"}
	for i, id := range stages {
		// Scattered on purpose, top-left at (50, 30): Tidy keeps that corner.
		m.Stages = append(m.Stages, &Stage{ID: id, Name: id, X: 50 + float64((i*370)%900), Y: 30 + float64((i*170)%500)})
	}
	for _, f := range flows {
		m.Flows = append(m.Flows, Flow{From: f[0], To: f[1]})
	}
	for _, f := range rework {
		m.Flows = append(m.Flows, Flow{From: f[0], To: f[1], Rework: true, ReworkPercent: 20})
	}
	return m
}

func TestTidyLayout(t *testing.T) {
	grid := Grid{Column: 200, Row: 130}
	for _, tc := range []struct {
		name     string
		m        *Map
		critical []string
		want     map[string][2]int // stage → (column, row) from the top-left corner
	}{
		{"a chain is one straight row",
			layoutMap([]string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}}), []string{"a", "b", "c"},
			map[string][2]int{"a": {0, 0}, "b": {1, 0}, "c": {2, 0}}},
		{"three sign-offs: the critical one on the row, the others above and below",
			layoutMap([]string{"idea", "build", "pm", "po", "qa", "release"},
				[][2]string{{"idea", "build"}, {"build", "pm"}, {"build", "po"}, {"build", "qa"}, {"pm", "release"}, {"po", "release"}, {"qa", "release"}}),
			[]string{"idea", "build", "qa", "release"},
			map[string][2]int{"idea": {0, 1}, "build": {1, 1}, "pm": {2, 0}, "qa": {2, 1}, "po": {2, 2}, "release": {3, 1}}},
		{"a branch follows the row it leaves from",
			layoutMap([]string{"a", "b", "c", "x", "y"}, [][2]string{{"a", "b"}, {"b", "c"}, {"a", "x"}, {"x", "y"}, {"y", "c"}}),
			[]string{"a", "b", "c"},
			map[string][2]int{"a": {0, 1}, "b": {1, 1}, "x": {1, 0}, "y": {2, 0}, "c": {3, 1}}},
		{"rework flows do not shape the layers; loose stages go on a row below",
			layoutMap([]string{"a", "b", "loose"}, [][2]string{{"a", "b"}}, [2]string{"b", "a"}), []string{"a", "b"},
			map[string][2]int{"a": {0, 0}, "b": {1, 0}, "loose": {0, 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := TidyLayout(tc.m, tc.critical, grid)
			if err != nil {
				t.Fatal(err)
			}
			for id, cell := range tc.want {
				want := Point{X: 50 + float64(cell[0])*grid.Column, Y: 30 + float64(cell[1])*grid.Row}
				if got[id] != want {
					t.Errorf("%s at %v, want %v (column %d, row %d)", id, got[id], want, cell[0], cell[1])
				}
			}
			if len(got) != len(tc.m.Stages) {
				t.Errorf("%d positions for %d stages", len(got), len(tc.m.Stages))
			}
		})
	}
}

func TestTidyLayoutRefusesALoop(t *testing.T) {
	m := layoutMap([]string{"a", "b"}, [][2]string{{"a", "b"}, {"b", "a"}})
	_, err := TidyLayout(m, nil, Grid{Column: 200, Row: 130})
	var loop *LoopError
	if !errors.As(err, &loop) {
		t.Fatalf("error %v, want a LoopError", err)
	}
}

func TestReworkRouteGoesBelowEveryCardInItsSpan(t *testing.T) {
	card := func(x, y float64) Rect { return Rect{X: x, Y: y, Width: 140, Height: 90} }
	for _, tc := range []struct {
		name     string
		from, to Rect
		cards    []Rect
		want     []Point
	}{
		{"over an empty span", card(400, 0), card(0, 0), nil,
			[]Point{{470, 90}, {470, 114}, {70, 114}, {70, 90}}},
		{"under a branch card between them", card(400, 0), card(0, 0), []Rect{card(200, 130), card(900, 600)},
			[]Point{{470, 90}, {470, 244}, {70, 244}, {70, 90}}},
		{"from a lower stage", card(400, 130), card(0, 0), nil,
			[]Point{{470, 220}, {470, 244}, {70, 244}, {70, 90}}},
		{"from a sign-off with another below it: out into the gutter first", card(400, 0), card(0, 0), []Rect{card(400, 130)},
			[]Point{{470, 90}, {470, 102}, {376, 102}, {376, 244}, {70, 244}, {70, 90}}},
		{"into a stage with a branch below it: up from the gutter", card(400, 0), card(0, 0), []Rect{card(0, 130)},
			[]Point{{470, 90}, {470, 244}, {164, 244}, {164, 102}, {70, 102}, {70, 90}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cards := append([]Rect{tc.from, tc.to}, tc.cards...)
			if got := ReworkRoute(tc.from, tc.to, cards, 24); !slices.Equal(got, tc.want) {
				t.Errorf("route %v, want %v", got, tc.want)
			}
		})
	}
}
