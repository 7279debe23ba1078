package room

import (
	"fmt"
	"image/color"
	"testing"

	"leadline.app/leadline/workshop"
)

// Every text colour of the room view against every fill it is drawn on reaches 7:1 (WCAG AAA)
// in light and dark, the department bands included for every built-in department.
func TestPaletteContrastIsAAA(t *testing.T) {
	for _, dark := range []bool{false, true} {
		p := paletteFor(dark)
		pairs := []struct {
			what       string
			text, fill color.Color
		}{
			{"text on canvas", p.text, p.background},
			{"label on canvas", p.label, p.background},
			{"rework label on canvas", p.label, p.background},
			{"name on card", p.text, p.cardFill},
			{"label on card", p.label, p.cardFill},
			{"quiet name on quiet card", p.quietText, p.quietFill},
			{"name on delay card", p.text, p.delayFill},
			{"label on delay card", p.label, p.delayFill},
			{"wait on delay card", p.delayText, p.delayFill},
			{"badge number", p.badgeText, p.badgeFill},
			{"figure on band", p.text, p.bandFill},
			{"caption on band", p.label, p.bandFill},
			{"good efficiency", p.good, p.bandFill},
			{"fair efficiency", p.fair, p.bandFill},
			{"poor efficiency", p.poor, p.bandFill},
			{"timer on its box", p.text, p.cardFill},
			{"timer at zero", p.delayText, p.delayFill},
		}
		for _, d := range append(workshop.Departments, workshop.Department{Name: ""}, workshop.Department{Name: "Tiger team"}) {
			for _, fill := range []struct {
				name   string
				colour color.Color
				text   color.Color
			}{{"card", p.cardFill, p.text}, {"quiet card", p.quietFill, p.text}, {"delay card", p.delayFill, p.text}} {
				pairs = append(pairs, struct {
					what       string
					text, fill color.Color
				}{fmt.Sprintf("%q band on %s", d.Name, fill.name), fill.text, p.departmentBand(d.Name, fill.colour)})
			}
		}
		for _, pair := range pairs {
			if ratio := contrast(pair.text, pair.fill); ratio < 7 {
				t.Errorf("dark=%v %s: contrast %.2f:1, want at least 7:1", dark, pair.what, ratio)
			}
		}
	}
}

func TestContrastOfKnownPairs(t *testing.T) {
	for _, c := range []struct {
		a, b color.Color
		want float64
	}{
		{color.White, color.Black, 21},
		{color.White, color.White, 1},
		{rgb(0x767676), color.White, 4.54},
	} {
		if got := contrast(c.a, c.b); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("contrast(%v, %v) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}
