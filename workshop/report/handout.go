// Package report builds the PDF handout of a workshop: for each map the headline figures, the
// ranked longest delays, the map itself drawn as vectors, the timeline ladder, the departments,
// the stage details and the improvement ideas. It depends on package workshop alone (and the
// embedded fonts), never on the UI.
package report

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop"
)

// Paper is the sheet size of the handout; it is always printed landscape.
type Paper string

const (
	A4     Paper = "A4"
	Letter Paper = "Letter"
)

// Options choose how the handout is printed.
type Options struct {
	Paper Paper // A4 when empty
}

// Result is the finished handout.
type Result struct {
	PDF []byte
	// Replaced lists the names and texts in which characters the font lacks (emoji, CJK…)
	// were replaced by a visible box, so the caller can tell the facilitator.
	Replaced []string
}

// fallbackDate stamps handouts of workshops without a readable date, so that the output stays
// byte-identical from one export to the next.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const fontFamily = "dejavu"

// Handout renders the workshop as a PDF handout. Any panic inside gofpdf, which is archived and
// known to panic on odd input, comes back as an error: an export must never bring the app down.
func Handout(w *workshop.Workshop, opts Options) (result *Result, err error) {
	if w == nil {
		return nil, fmt.Errorf("handout: no workshop")
	}
	defer func() {
		if recovered := recover(); recovered != nil {
			result, err = nil, fmt.Errorf("handout of %q: PDF library failed: %v", w.Name, recovered)
		}
	}()
	coverage, err := embeddedCoverage()
	if err != nil {
		return nil, fmt.Errorf("handout: embedded font: %w", err)
	}
	b, err := newBuilder(w, opts, newTextFilter(coverage))
	if err != nil {
		return nil, err
	}
	for _, m := range w.Maps {
		if err := b.mapSection(m); err != nil {
			return nil, err
		}
	}
	if len(w.Maps) == 0 {
		b.emptyWorkshopPage()
	}
	var out bytes.Buffer
	if err := b.pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("handout of %q: write PDF: %w", w.Name, err)
	}
	return &Result{PDF: out.Bytes(), Replaced: b.filter.replaced}, nil
}

// builder holds the document and the page geometry while the sections are laid out.
type builder struct {
	pdf      *gofpdf.Fpdf
	draw     surface // what the map, the cards and the text helpers draw on: pdf, or a picture
	ws       *workshop.Workshop
	cal      workshop.Calendar
	filter   *textFilter
	pageW    float64
	pageH    float64
	margin   float64
	top      float64 // first usable y below the running header
	bottom   float64 // last usable y above the footer
	mapLabel string  // running header of the current map's pages
	// opening holds the page numbers of the maps' first pages, whose own title names the
	// workshop and the map: the running header and footer leave the names out there, so the
	// title is not printed twice.
	opening map[int]bool
}

func newBuilder(w *workshop.Workshop, opts Options, text *textFilter) (*builder, error) {
	size := "A4"
	switch opts.Paper {
	case "", A4:
	case Letter:
		size = "Letter"
	default:
		return nil, fmt.Errorf("handout: paper %q: use A4 or Letter", opts.Paper)
	}
	pdf := gofpdf.New("L", "mm", size, "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.FontBold)
	// The alias comes after the fonts: gofpdf then keeps the digits in the font subset, which
	// the page total needs once it replaces the alias.
	pdf.AliasNbPages("{nb}")
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("handout: load embedded fonts: %w", err)
	}
	date := workshopDate(w.Date)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetAutoPageBreak(false, 0)
	b := &builder{pdf: pdf, draw: pdf, ws: w, cal: w.Calendar, filter: text, margin: 14, opening: map[int]bool{}}
	pdf.SetTitle(b.clean(w.Name)+" — value-stream handout", true)
	pdf.SetCreator("Leadline", true)
	pdf.SetMargins(b.margin, b.margin, b.margin)
	b.pageW, b.pageH = pdf.GetPageSize()
	b.top = b.margin + 9
	b.bottom = b.pageH - b.margin - 6
	pdf.SetHeaderFunc(b.header)
	pdf.SetFooterFunc(b.footer)
	return b, nil
}

// workshopDate reads the workshop's date so that the PDF's own dates are reproducible.
func workshopDate(text string) time.Time {
	if t, err := time.Parse("2006-01-02", text); err == nil {
		return t
	}
	return fallbackDate
}

// clean filters a text for the font; see textFilter.
func (b *builder) clean(s string) string { return b.filter.clean(s) }

func (b *builder) contentWidth() float64 { return b.pageW - 2*b.margin }

// newPage starts a page and returns the first usable y.
func (b *builder) newPage() float64 {
	b.pdf.AddPage()
	return b.top
}

// ensure starts a new page unless height fits below y.
func (b *builder) ensure(y, height float64) float64 {
	if y+height > b.bottom {
		return b.newPage()
	}
	return y
}

// keepTogether starts a new page when a block of the given height does not fit below y but
// would fit on a page of its own; blocks longer than a page only need their first rows to fit.
func (b *builder) keepTogether(y, height, firstRows float64) float64 {
	if y+height > b.bottom && (b.top+height <= b.bottom || y+firstRows > b.bottom) {
		return b.newPage()
	}
	return y
}

func (b *builder) header() {
	b.font(false, 8)
	b.textColour(colourMuted)
	if !b.opening[b.pdf.PageNo()] {
		b.pdf.SetXY(b.margin, b.margin-4)
		b.pdf.CellFormat(b.contentWidth()/2, 5, b.mapLabel, "", 0, "L", false, 0, "")
	}
	b.pdf.SetXY(b.margin+b.contentWidth()/2, b.margin-4)
	b.pdf.CellFormat(b.contentWidth()/2, 5, "Value-stream handout", "", 0, "R", false, 0, "")
	b.strokeColour(colourRule)
	b.pdf.SetLineWidth(0.2)
	b.pdf.Line(b.margin, b.margin+2, b.pageW-b.margin, b.margin+2)
}

func (b *builder) footer() {
	y := b.pageH - b.margin + 1
	b.strokeColour(colourRule)
	b.pdf.SetLineWidth(0.2)
	b.pdf.Line(b.margin, y-2, b.pageW-b.margin, y-2)
	b.font(false, 8)
	b.textColour(colourMuted)
	if !b.opening[b.pdf.PageNo()] {
		b.pdf.SetXY(b.margin, y)
		b.pdf.CellFormat(b.contentWidth()*0.7, 5, b.fit(b.clean(b.ws.Name), b.contentWidth()*0.7), "", 0, "L", false, 0, "")
	}
	b.pdf.SetXY(b.pageW-b.margin-40, y)
	b.pdf.CellFormat(40, 5, fmt.Sprintf("Page %d of {nb}", b.pdf.PageNo()), "", 0, "R", false, 0, "")
}

// mapSection lays out every section of one map, in the order the handout promises.
func (b *builder) mapSection(m *workshop.Map) error {
	if err := checkNumbers(m); err != nil {
		return fmt.Errorf("handout of %q: %w", b.ws.Name, err)
	}
	metrics, err := b.ws.Compute(m)
	if err != nil {
		return fmt.Errorf("handout of %q, map %q: %w", b.ws.Name, m.Name, err)
	}
	b.mapLabel = b.clean(m.Name)
	if !strings.EqualFold(strings.TrimSpace(m.Name), stateLabel(m.State)) {
		b.mapLabel += " · " + stateLabel(m.State)
	}
	levers, err := m.Levers()
	if err != nil {
		return fmt.Errorf("handout of %q, map %q: %w", b.ws.Name, m.Name, err)
	}
	var forecast *workshop.Forecast
	if m.HasRanges() {
		if forecast, err = m.Forecast(workshop.DefaultTrials, workshop.DefaultSeed); err != nil {
			return fmt.Errorf("handout of %q, map %q: %w", b.ws.Name, m.Name, err)
		}
	}
	b.summaryPage(m, metrics, levers, forecast)
	y := b.delaysSection(metrics)
	b.leversSection(m, metrics, levers, y+8)
	b.mapPages(m, metrics)
	y = b.ladderSection(metrics, b.newPage())
	b.departmentSection(metrics, y+8)
	y = b.detailsSection(m, metrics, b.newPage())
	b.ideasSection(m, metrics, y+8)
	return nil
}

func (b *builder) emptyWorkshopPage() {
	b.mapLabel = ""
	y := b.newPage()
	b.font(true, 22)
	b.textColour(colourInk)
	b.pdf.SetXY(b.margin, y+6)
	b.pdf.CellFormat(b.contentWidth(), 10, b.clean(b.ws.Name), "", 1, "L", false, 0, "")
	b.font(false, 11)
	b.pdf.SetX(b.margin)
	b.pdf.CellFormat(b.contentWidth(), 8, "This workshop has no maps yet.", "", 1, "L", false, 0, "")
}

func stateLabel(s workshop.State) string {
	if s == workshop.Future {
		return "future state"
	}
	return "current state"
}
