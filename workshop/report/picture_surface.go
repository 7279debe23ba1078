package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A picture surface turns gofpdf's calls into paths and text runs for a backend (PNG or SVG)
// that draws in pixels: pxPerMM pixels to the page millimetre. It keeps gofpdf's state
// (colours, line width, dashes, font, position) and its text placement, so a card laid out for
// the PDF lands the same way in the picture.

// pathOp is one step of a path in page millimetres: a move, a line or a cubic curve to
// pts[len-1], or a close.
type pathOp struct {
	kind byte // 'M', 'L', 'C' or 'Z'
	pts  []point
}

type path []pathOp

func (p *path) moveTo(x, y float64) { *p = append(*p, pathOp{'M', []point{{x, y}}}) }
func (p *path) lineTo(x, y float64) { *p = append(*p, pathOp{'L', []point{{x, y}}}) }
func (p *path) curveTo(c1, c2, to point) {
	*p = append(*p, pathOp{'C', []point{c1, c2, to}})
}
func (p *path) close() { *p = append(*p, pathOp{'Z', nil}) }

// textRun is one line of text anchored at x (start, middle or end) on its baseline.
type textRun struct {
	x, baseline float64
	anchor      string // "start", "middle" or "end", as SVG names them
	text        string
	size        float64 // the font size in millimetres
	bold        bool
	width       float64 // as measured, in millimetres
	colour      rgb
}

type pictureBackend interface {
	fill(p path, c rgb)
	stroke(p path, c rgb, width float64, dashes []float64)
	text(run textRun)
}

// pictureFonts are the two faces of the handout font, parsed once per picture.
type pictureFonts struct {
	regular, bold *sfnt.Font
	advances      map[fontRune]float64 // in ems
	buf           sfnt.Buffer
}

type fontRune struct {
	bold bool
	r    rune
}

func parsePictureFonts(regular, bold []byte) (*pictureFonts, error) {
	r, err := sfnt.Parse(regular)
	if err != nil {
		return nil, fmt.Errorf("regular font: %w", err)
	}
	b, err := sfnt.Parse(bold)
	if err != nil {
		return nil, fmt.Errorf("bold font: %w", err)
	}
	return &pictureFonts{regular: r, bold: b, advances: map[fontRune]float64{}}, nil
}

func (f *pictureFonts) face(bold bool) *sfnt.Font {
	if bold {
		return f.bold
	}
	return f.regular
}

// advance is a rune's width in ems, without kerning, as gofpdf measures it.
func (f *pictureFonts) advance(bold bool, r rune) float64 {
	key := fontRune{bold, r}
	if a, ok := f.advances[key]; ok {
		return a
	}
	face := f.face(bold)
	em := face.UnitsPerEm()
	a := 0.5 // gofpdf's width of a glyph the font lacks
	if index, err := face.GlyphIndex(&f.buf, r); err == nil && index != 0 {
		if adv, err := face.GlyphAdvance(&f.buf, index, fixed.I(int(em)), font.HintingNone); err == nil {
			a = float64(adv) / 64 / float64(em)
		}
	}
	f.advances[key] = a
	return a
}

// pictureSurface implements surface for a picture backend.
type pictureSurface struct {
	backend            pictureBackend
	fonts              *pictureFonts
	draw, fillC, textC rgb
	lineWidth          float64
	dashes             []float64
	bold               bool
	fontSizeMM         float64
	x, y               float64
}

var _ surface = (*pictureSurface)(nil)

// gofpdf's default cell margin in millimetres: a tenth of its default 1 cm page margin.
const cellMarginMM = 1.0

func (s *pictureSurface) SetDrawColor(r, g, b int)   { s.draw = rgb{r, g, b} }
func (s *pictureSurface) SetFillColor(r, g, b int)   { s.fillC = rgb{r, g, b} }
func (s *pictureSurface) SetTextColor(r, g, b int)   { s.textC = rgb{r, g, b} }
func (s *pictureSurface) SetLineWidth(width float64) { s.lineWidth = width }
func (s *pictureSurface) SetDashPattern(dashArray []float64, _ float64) {
	s.dashes = append([]float64(nil), dashArray...)
}
func (s *pictureSurface) SetFont(_, style string, size float64) {
	s.bold = strings.Contains(style, "B")
	s.fontSizeMM = size * 25.4 / 72
}
func (s *pictureSurface) SetXY(x, y float64) { s.x, s.y = x, y }

// The picture is sized to the map, so nothing needs clipping.
func (s *pictureSurface) ClipRect(_, _, _, _ float64, _ bool) {}
func (s *pictureSurface) ClipEnd()                            {}

func (s *pictureSurface) GetStringWidth(text string) float64 {
	width := 0.0
	for _, r := range text {
		width += s.fonts.advance(s.bold, r)
	}
	return width * s.fontSizeMM
}

// CellFormat places text as gofpdf does: inside the cell margin for left and right
// alignment, with the baseline at half the cell height plus 0.3 of the font size.
func (s *pictureSurface) CellFormat(w, h float64, text, _ string, _ int, align string, _ bool, _ int, _ string) {
	if text == "" {
		return
	}
	run := textRun{baseline: s.y + h/2 + 0.3*s.fontSizeMM, text: text, size: s.fontSizeMM,
		bold: s.bold, width: s.GetStringWidth(text), colour: s.textC}
	switch {
	case strings.Contains(align, "R"):
		run.x, run.anchor = s.x+w-cellMarginMM, "end"
	case strings.Contains(align, "C"):
		run.x, run.anchor = s.x+w/2, "middle"
	default:
		run.x, run.anchor = s.x+cellMarginMM, "start"
	}
	s.backend.text(run)
}

// paint fills and/or strokes as gofpdf's style strings say: "F", "D" (the default), "FD".
func (s *pictureSurface) paint(p path, style string) {
	style = strings.ToUpper(style)
	if strings.Contains(style, "F") {
		s.backend.fill(p, s.fillC)
	}
	if style == "" || strings.Contains(style, "D") {
		s.backend.stroke(p, s.draw, s.lineWidth, s.dashes)
	}
}

func (s *pictureSurface) Line(x1, y1, x2, y2 float64) {
	var p path
	p.moveTo(x1, y1)
	p.lineTo(x2, y2)
	s.backend.stroke(p, s.draw, s.lineWidth, s.dashes)
}

func (s *pictureSurface) Rect(x, y, w, h float64, style string) {
	var p path
	p.moveTo(x, y)
	p.lineTo(x+w, y)
	p.lineTo(x+w, y+h)
	p.lineTo(x, y+h)
	p.close()
	s.paint(p, style)
}

// kappa places a cubic's control points so that it traces a quarter circle.
const kappa = 0.5522847498

// RoundedRect rounds the corners gofpdf numbers 1 (top left) to 4 (bottom left), clockwise.
func (s *pictureSurface) RoundedRect(x, y, w, h, r float64, corners, style string) {
	radius := func(corner string) float64 {
		if strings.Contains(corners, corner) {
			return math.Min(r, math.Min(w, h)/2)
		}
		return 0
	}
	tl, tr, br, bl := radius("1"), radius("2"), radius("3"), radius("4")
	var p path
	p.moveTo(x+tl, y)
	p.lineTo(x+w-tr, y)
	p.curveTo(point{x + w - tr + tr*kappa, y}, point{x + w, y + tr - tr*kappa}, point{x + w, y + tr})
	p.lineTo(x+w, y+h-br)
	p.curveTo(point{x + w, y + h - br + br*kappa}, point{x + w - br + br*kappa, y + h}, point{x + w - br, y + h})
	p.lineTo(x+bl, y+h)
	p.curveTo(point{x + bl - bl*kappa, y + h}, point{x, y + h - bl + bl*kappa}, point{x, y + h - bl})
	p.lineTo(x, y+tl)
	p.curveTo(point{x, y + tl - tl*kappa}, point{x + tl - tl*kappa, y}, point{x + tl, y})
	p.close()
	s.paint(p, style)
}

func (s *pictureSurface) Circle(x, y, r float64, style string) {
	s.RoundedRect(x-r, y-r, 2*r, 2*r, r, "1234", style)
}

func (s *pictureSurface) Polygon(points []gofpdf.PointType, style string) {
	if len(points) == 0 {
		return
	}
	var p path
	p.moveTo(points[0].X, points[0].Y)
	for _, pt := range points[1:] {
		p.lineTo(pt.X, pt.Y)
	}
	p.close()
	s.paint(p, style)
}

func (s *pictureSurface) CurveBezierCubic(x0, y0, cx0, cy0, cx1, cy1, x1, y1 float64, style string) {
	var p path
	p.moveTo(x0, y0)
	p.curveTo(point{cx0, cy0}, point{cx1, cy1}, point{x1, y1})
	s.paint(p, style)
}
