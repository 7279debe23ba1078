package canvas

import (
	"leadline.app/leadline/workshop"

	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Card geometry in map units; the view multiplies it by the zoom.
const (
	cardWidth      = 140
	cardHeight     = 90
	bandHeight     = 20
	gridSpacing    = 20 // map units between grid dots, also the snap step
	handleRadius   = 12 // the connect handle is at least 24 px across, easy to grab on a projector
	minZoom        = 0.2
	maxZoom        = 3
	zoomStep       = 1.2
	flowHitSlop    = 6 // screen pixels either side of an arrow that still count as a click on it
	presenterScale = 1.2
)

// colours are what the canvas paints with, derived from the current Fyne theme so that the
// light, dark and projector themes all look deliberate rather than inverted.
type colours struct {
	dark                   bool
	background, gridDot    color.Color
	cardFill, cardBorder   color.Color
	cardShadow             color.Color
	text, muted            color.Color
	accent, critical       color.Color
	forwardArrow, rework   color.Color
	badge, badgeText       color.Color
	burstFill, burstStroke color.Color
	handleFill             color.Color
	bandFill               color.Color // the rubber band's translucent fill
	messageFill            color.Color
}

func currentColours(th fyne.Theme) colours {
	variant := theme.VariantLight
	if app := fyne.CurrentApp(); app != nil {
		variant = app.Settings().ThemeVariant()
	}
	themeBackground := th.Color(theme.ColorNameBackground, variant)
	accent := th.Color(theme.ColorNamePrimary, variant)
	c := colours{
		accent:      accent,
		critical:    accent,
		badge:       rgb(0xd32f2f),
		badgeText:   color.White,
		burstFill:   rgb(0xffd54f),
		burstStroke: rgb(0xe65100),
		rework:      rgb(0xe07b00),
		messageFill: rgb(0x323232),
	}
	if Luminance(themeBackground) < 0.5 {
		c.dark = true
		c.background = themeBackground
		c.gridDot = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x40}
		c.cardFill = rgb(0x2b2f36)
		c.cardBorder = rgb(0x454b55)
		c.cardShadow = color.NRGBA{A: 0x80}
		c.text = th.Color(theme.ColorNameForeground, variant)
		c.muted = rgb(0xa3aab5)
		c.forwardArrow = rgb(0x9aa3af)
		c.handleFill = rgb(0x2b2f36)
		c.rework = rgb(0xffa726)
		c.messageFill = rgb(0xf1f3f5)
	} else {
		// Norn's canvas is plain white whatever the theme's grey: cards pop more on it.
		c.background = color.White
		c.gridDot = rgb(0xcdd2d9)
		c.cardFill = color.White
		c.cardBorder = rgb(0xd5dae1)
		c.cardShadow = color.NRGBA{A: 0x22}
		c.text = rgb(0x1f2328)
		c.muted = rgb(0x6b7280)
		c.forwardArrow = rgb(0x6b7280)
		c.handleFill = color.White
	}
	r, g, b, _ := accent.RGBA()
	c.bandFill = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x30}
	return c
}

// messageText is the colour of a transient message, chosen against its own fill.
func (c colours) messageText() color.Color {
	if c.dark {
		return rgb(0x1f2328)
	}
	return color.White
}

func rgb(hex uint32) color.Color {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// parseHexColour reads the "#rrggbb" colours of workshop.Departments.
func parseHexColour(s string) color.Color {
	r, g, b := workshop.ColourRGB(s)
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}
}

// Luminance is the relative luminance (WCAG) of a colour, 0 (black) to 1 (white); the room
// view's contrast checks use it too.
func Luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	channel := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(r) + 0.7152*channel(g) + 0.0722*channel(b)
}

// textOn picks black or white text for a coloured band, whichever reads better: several
// department colours (QA, HR, Support) are pale.
func textOn(band color.Color) color.Color {
	if Luminance(band) > 0.4 {
		return rgb(0x1f2328)
	}
	return color.White
}

// dotGrid draws the faint dot grid for a view of w×h pixels; origin is where map (0,0) lies,
// spacing the distance between dots, both in pixels. Writing pixels straight into an RGBA keeps
// a full-screen grid to a few milliseconds, so panning stays smooth.
func dotGrid(w, h int, origin fyne.Position, spacing float32, dot color.Color) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	if spacing < 6 {
		return img // dots closer than this read as a grey wash, not a grid
	}
	r, g, b, a := dot.RGBA()
	px := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(a >> 8)}
	startX := float32(math.Mod(float64(origin.X), float64(spacing)))
	startY := float32(math.Mod(float64(origin.Y), float64(spacing)))
	if startX < 0 {
		startX += spacing
	}
	if startY < 0 {
		startY += spacing
	}
	size := 1
	if spacing >= 16 {
		size = 2
	}
	for y := startY; y < float32(h); y += spacing {
		for x := startX; x < float32(w); x += spacing {
			for dy := 0; dy < size; dy++ {
				for dx := 0; dx < size; dx++ {
					img.SetNRGBA(int(x)+dx, int(y)+dy, px)
				}
			}
		}
	}
	return img
}
