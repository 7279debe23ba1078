package report

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strings"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop"
)

// PictureFormat is the file type of a map picture.
type PictureFormat string

const (
	PNG PictureFormat = "png"
	SVG PictureFormat = "svg"
)

// PictureOptions choose the map and the file type of a picture.
type PictureOptions struct {
	Format PictureFormat
	Map    string // the map's name; the workshop's first map when empty
}

// PictureResult is the finished picture and its size in pixels.
type PictureResult struct {
	Data          []byte
	Width, Height int
	// Replaced lists the texts in which characters the font lacks were replaced, as for the
	// handout.
	Replaced []string
}

// The picture is the handout's map page at full card size with room around it: a title, the
// headline figures, the legend, the map.
const (
	pictureMarginMM   = 10
	pictureMinWidthMM = 250 // the legend's width, so a two-card map is not a sliver
	// MinPictureWidth is the width a slide needs; smaller maps are scaled up to it.
	MinPictureWidth = 1920
	// Two picture pixels to a canvas pixel keep text crisp on a projector.
	picturePxPerMM = 2 / mmPerPxFull
	// Bounds that keep a huge map from filling memory (40 megapixels are 160 MB of RGBA): a
	// larger map is drawn smaller, and one that cannot be drawn 1920 px wide within them is
	// refused. A PNG of 5,000 stages is of no use on a slide.
	maxPictureSide   = 16000
	maxPicturePixels = 40e6
)

// Picture draws one map for slides: cards, flows, delay badges and the legend, with the
// look of the handout's map page. A panic in a drawing library comes back as an error.
func Picture(w *workshop.Workshop, opts PictureOptions) (result *PictureResult, err error) {
	if w == nil {
		return nil, fmt.Errorf("picture: no workshop")
	}
	if opts.Format != PNG && opts.Format != SVG {
		return nil, fmt.Errorf("picture: format %q: use png or svg", opts.Format)
	}
	m, err := pictureMap(w, opts.Map)
	if err != nil {
		return nil, err
	}
	return PictureOfMap(w, m, opts.Format)
}

// PictureOfMap draws the given map of the workshop, as Picture does.
func PictureOfMap(w *workshop.Workshop, m *workshop.Map, format PictureFormat) (result *PictureResult, err error) {
	if format != PNG && format != SVG {
		return nil, fmt.Errorf("picture: format %q: use png or svg", format)
	}
	if err := checkNumbers(m); err != nil {
		return nil, fmt.Errorf("picture of %q: %w", w.Name, err)
	}
	mt, err := w.Compute(m)
	if err != nil {
		return nil, fmt.Errorf("picture of %q, map %q: %w", w.Name, m.Name, err)
	}
	defer func() {
		if recovered := recover(); recovered != nil {
			result, err = nil, fmt.Errorf("picture of %q, map %q: drawing failed: %v", w.Name, m.Name, recovered)
		}
	}()
	coverage, err := embeddedCoverage()
	if err != nil {
		return nil, fmt.Errorf("picture: embedded font: %w", err)
	}
	fonts, err := parsePictureFonts(assets.FontRegular, assets.FontBold)
	if err != nil {
		return nil, fmt.Errorf("picture: embedded font: %w", err)
	}
	ctx := newMapContext(m, mt)
	mapW := (ctx.place.width() + 40) * mmPerPxFull
	mapH := (ctx.place.height() + 40) * mmPerPxFull
	pageW := math.Max(mapW+2*pictureMarginMM, pictureMinWidthMM)
	mapTop := pictureMarginMM + 25.0
	pageH := mapTop + mapH + pictureMarginMM
	scale := pictureScale(pageW, pageH)
	widthPx, heightPx := int(math.Ceil(pageW*scale)), int(math.Ceil(pageH*scale))
	if widthPx > maxPictureSide || heightPx > maxPictureSide || float64(widthPx)*float64(heightPx) > maxPicturePixels*1.01 {
		return nil, fmt.Errorf("picture of map %q: %d × %d px is too large for a picture; export the PDF handout, which splits a large map into pages", m.Name, widthPx, heightPx)
	}

	var backend pictureBackend
	var raster *pngBackend
	var vector *svgBackend
	if format == PNG {
		raster = newPNGBackend(widthPx, heightPx, scale, fonts)
		backend = raster
	} else {
		vector = &svgBackend{pxPerMM: scale}
		backend = vector
	}
	filter := newTextFilter(coverage)
	b := &builder{draw: &pictureSurface{backend: backend, fonts: fonts}, ws: w, cal: w.Calendar,
		filter: filter, pageW: pageW, pageH: pageH, margin: pictureMarginMM}
	title := b.clean(m.Name)
	if !strings.EqualFold(strings.TrimSpace(w.Name), strings.TrimSpace(m.Name)) {
		title = b.clean(w.Name) + " — " + title
	}
	y := b.heading(b.fit(title, b.contentWidth()), pictureMarginMM)
	b.font(false, 9)
	b.textColour(colourMuted)
	b.text(b.margin, y-2, b.contentWidth(), 5, b.fit(pictureFigures(m, mt, b.cal), b.contentWidth()), "L")
	b.mapLegend(y + 4)
	area := rect{x: (pageW - mapW) / 2, y: mapTop, w: mapW, h: mapH}
	b.drawMap(ctx, view{mmPerPx: mmPerPxFull, area: area, textScale: 1,
		originX: ctx.place.minX - 20, originY: ctx.place.minY - 20})
	if len(m.Stages) == 0 {
		b.font(false, 11)
		b.textColour(colourMuted)
		b.text(area.x, area.y, area.w, area.h, "This map has no stages yet.", "C")
	}

	result = &PictureResult{Width: widthPx, Height: heightPx, Replaced: filter.replaced}
	if raster != nil {
		var out bytes.Buffer
		if err := png.Encode(&out, raster.img); err != nil {
			return nil, fmt.Errorf("picture of map %q: encode PNG: %w", m.Name, err)
		}
		result.Data = out.Bytes()
	} else {
		result.Data = vector.document(widthPx, heightPx, title)
	}
	return result, nil
}

// pictureScale is the pixels per page millimetre: two per canvas pixel, more for a map
// narrower than a slide, less for one too large to hold in memory, but never narrower than
// a slide.
func pictureScale(pageW, pageH float64) float64 {
	slide := MinPictureWidth / pageW
	fits := math.Min(math.Min(maxPictureSide/pageW, maxPictureSide/pageH), math.Sqrt(maxPicturePixels/(pageW*pageH)))
	return math.Max(slide, math.Min(math.Max(picturePxPerMM, slide), fits))
}

func pictureMap(w *workshop.Workshop, name string) (*workshop.Map, error) {
	if len(w.Maps) == 0 {
		return nil, fmt.Errorf("picture of %q: the workshop has no maps", w.Name)
	}
	if name == "" {
		return w.Maps[0], nil
	}
	if m := w.MapByName(name); m != nil {
		return m, nil
	}
	var names []string
	for _, m := range w.Maps {
		if strings.EqualFold(m.Name, strings.TrimSpace(name)) {
			return m, nil
		}
		names = append(names, fmt.Sprintf("%q", m.Name))
	}
	return nil, fmt.Errorf("picture of %q: no map named %q; the maps are %s", w.Name, name, strings.Join(names, ", "))
}

// pictureFigures is the line under the title: what the map adds up to, and what was
// observed when it was measured from an event log.
func pictureFigures(m *workshop.Map, mt *workshop.Metrics, cal workshop.Calendar) string {
	parts := []string{
		"Lead time " + workshop.FormatDuration(mt.LeadTime, cal),
		"process time " + workshop.FormatDuration(mt.ProcessTime, cal),
		"flow efficiency " + percent(mt.FlowEfficiency),
	}
	if o := m.Observed; o != nil && o.Items > 0 {
		parts = append(parts, fmt.Sprintf("observed P50 %s / P85 %s from %d items",
			workshop.FormatDuration(o.P50, cal), workshop.FormatDuration(o.P85, cal), o.Items))
	}
	return strings.Join(parts, " · ")
}
