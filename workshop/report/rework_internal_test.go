package report

import "testing"

func TestReworkArcGoesAroundOtherCards(t *testing.T) {
	// Cards 42 × 27 mm: a flow back from C (right) to A (left) on one row. The usual arc bulges
	// down the page; a card B2 sits below the row, where that arc passes.
	a := rect{0, 50, 42, 27}
	c := rect{120, 50, 42, 27}
	b2 := rect{60, 85, 42, 27}
	usual := newReworkCurve(c, a, 1, 0.3*120)
	if usual.crossings([]rect{b2}) == 0 {
		t.Fatal("the test card is not in the usual arc's way; move it")
	}
	routed := routeRework(c, a, []rect{b2})
	if n := routed.crossings([]rect{b2}); n != 0 {
		t.Errorf("the routed arc still crosses %d card(s)", n)
	}
	// With nothing in the way the usual arc is kept.
	if free := routeRework(c, a, nil); free != usual {
		t.Errorf("with no other cards the arc changed: %+v, want %+v", free, usual)
	}
	// Cards on both sides: the arc with the fewest crossings wins, here above (one card).
	above := rect{60, 10, 42, 27}
	below := []rect{b2, {60, 120, 42, 27}, {20, 90, 42, 27}}
	routed = routeRework(c, a, append([]rect{above}, below...))
	if n := routed.crossings(append([]rect{above}, below...)); n > 1 {
		t.Errorf("routed arc crosses %d cards, want at most 1", n)
	}
}
