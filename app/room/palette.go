package room

import (
	"image/color"
	"math"

	mapview "leadline.app/leadline/canvas"
	"leadline.app/leadline/workshop"
)

// palette is the room view's projector theme. Every text colour is chosen against the fill it
// sits on for a contrast of at least 7:1 (WCAG AAA), in light and in dark: a projector washes
// colours out, and the back row reads through that. palette_test.go checks each pair.
type palette struct {
	background  color.Color
	text        color.Color // names and values on the critical path
	quietText   color.Color // stages off the critical path: still 7:1, but greyer
	label       color.Color // "wait", "work", figure captions
	cardFill    color.Color
	quietFill   color.Color
	cardBorder  color.Color // critical-path cards
	quietBorder color.Color
	delayFill   color.Color // the three longest delays
	delayText   color.Color
	delayBorder color.Color
	badgeFill   color.Color
	badgeText   color.Color
	barTrack    color.Color
	barFill     color.Color
	barDelay    color.Color
	arrow       color.Color // critical path
	quietArrow  color.Color
	rework      color.Color
	focusRing   color.Color
	good, fair  color.Color // flow efficiency by the panels' thresholds
	poor        color.Color
	bandFill    color.Color // the figures band
	bandBorder  color.Color
	// bandMix is how much of a department's colour tints its band over the card fill: as
	// much as the label text on it still reads at 7:1 for every built-in department.
	bandMix float64
}

func paletteFor(dark bool) palette {
	if dark {
		return palette{
			background: rgb(0x0f1115), text: rgb(0xf3f4f6), quietText: rgb(0xd1d5db), label: rgb(0xd1d5db),
			cardFill: rgb(0x22262e), quietFill: rgb(0x1a1d23), cardBorder: rgb(0xe5e7eb), quietBorder: rgb(0x3a3f48),
			delayFill: rgb(0x3b1111), delayText: rgb(0xffb4ab), delayBorder: rgb(0xff8a80),
			badgeFill: rgb(0xff8a80), badgeText: rgb(0x1a0000),
			barTrack: rgb(0x3a3f48), barFill: rgb(0xc3c8d0), barDelay: rgb(0xff8a80),
			arrow: rgb(0xe5e7eb), quietArrow: rgb(0x6b7280), rework: rgb(0xfbbf24), focusRing: rgb(0x60a5fa),
			good: rgb(0x86efac), fair: rgb(0xfcd34d), poor: rgb(0xffb4ab),
			bandFill: rgb(0x16191e), bandBorder: rgb(0x3a3f48), bandMix: 0.25,
		}
	}
	return palette{
		background: color.White, text: rgb(0x111827), quietText: rgb(0x374151), label: rgb(0x374151),
		cardFill: color.White, quietFill: rgb(0xf3f4f6), cardBorder: rgb(0x1f2937), quietBorder: rgb(0xd1d5db),
		delayFill: rgb(0xfdecec), delayText: rgb(0x9a1010), delayBorder: rgb(0xb71c1c),
		badgeFill: rgb(0xa50e0e), badgeText: color.White,
		barTrack: rgb(0xe5e7eb), barFill: rgb(0x4b5563), barDelay: rgb(0xc62828),
		arrow: rgb(0x1f2937), quietArrow: rgb(0x9ca3af), rework: rgb(0xb45309), focusRing: rgb(0x1d4ed8),
		good: rgb(0x14532d), fair: rgb(0x78350f), poor: rgb(0xa50e0e),
		bandFill: rgb(0xf9fafb), bandBorder: rgb(0xe5e7eb), bandMix: 0.4,
	}
}

// departmentBand is the tinted band across the top of a card, under its department's name.
func (p palette) departmentBand(department string, cardFill color.Color) color.Color {
	return mix(parseHex(workshop.DepartmentColour(department)), cardFill, p.bandMix)
}

// efficiency colours a flow efficiency as the metric tiles do (panels.EfficiencyGood/Fair).
func (p palette) efficiency(fraction float64, good, fair float64) color.Color {
	switch {
	case fraction >= good:
		return p.good
	case fraction >= fair:
		return p.fair
	}
	return p.poor
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

func parseHex(hex string) color.NRGBA {
	r, g, b := workshop.ColourRGB(hex)
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}
}

// mix lays c over base at opacity t (0–1), as an opaque colour.
func mix(c, base color.Color, t float64) color.NRGBA {
	cr, cg, cb, _ := c.RGBA()
	br, bg, bb, _ := base.RGBA()
	channel := func(a, b uint32) uint8 {
		return uint8(math.Round((float64(a)*t + float64(b)*(1-t)) / 257))
	}
	return color.NRGBA{R: channel(cr, br), G: channel(cg, bg), B: channel(cb, bb), A: 0xff}
}

// contrast is the WCAG contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := mapview.Luminance(a), mapview.Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
