package report

import "github.com/jung-kurt/gofpdf"

// surface is the part of gofpdf's API that the map drawing uses (mapdraw.go, card.go and the
// text helpers in style.go). The handout draws on the PDF itself; picture.go draws the same
// map, with the same code and so the same look, on a PNG or SVG surface. Units are page
// millimetres and font sizes points, as in gofpdf.
type surface interface {
	SetDrawColor(r, g, b int)
	SetFillColor(r, g, b int)
	SetTextColor(r, g, b int)
	SetLineWidth(width float64)
	SetDashPattern(dashArray []float64, dashPhase float64)
	SetFont(familyStr, styleStr string, size float64)
	GetStringWidth(s string) float64
	SetXY(x, y float64)
	CellFormat(w, h float64, txtStr, borderStr string, ln int, alignStr string, fill bool, link int, linkStr string)
	Line(x1, y1, x2, y2 float64)
	Rect(x, y, w, h float64, styleStr string)
	RoundedRect(x, y, w, h, r float64, corners string, stylestr string)
	Circle(x, y, r float64, styleStr string)
	Polygon(points []gofpdf.PointType, styleStr string)
	CurveBezierCubic(x0, y0, cx0, cy0, cx1, cy1, x1, y1 float64, styleStr string)
	ClipRect(x, y, w, h float64, outline bool)
	ClipEnd()
}

var _ surface = (*gofpdf.Fpdf)(nil)
