package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// svgBackend writes paths and text as SVG elements in pixels. Text stays text, in the
// handout's font family with common fallbacks, so a slide tool can still edit it.
type svgBackend struct {
	body    bytes.Buffer
	pxPerMM float64
}

func (b *svgBackend) num(mm float64) string {
	return strconv.FormatFloat(mm*b.pxPerMM, 'f', 2, 64)
}

func (b *svgBackend) pathData(p path) string {
	var d strings.Builder
	for _, op := range p {
		d.WriteByte(op.kind)
		for _, pt := range op.pts {
			d.WriteString(" " + b.num(pt.x) + " " + b.num(pt.y))
		}
		d.WriteByte(' ')
	}
	return strings.TrimSpace(d.String())
}

func hexOf(c rgb) string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

func (b *svgBackend) fill(p path, c rgb) {
	fmt.Fprintf(&b.body, "<path d=\"%s\" fill=\"%s\"/>\n", b.pathData(p), hexOf(c))
}

func (b *svgBackend) stroke(p path, c rgb, width float64, dashes []float64) {
	dash := ""
	if len(dashes) > 0 {
		parts := make([]string, len(dashes))
		for i, d := range dashes {
			parts[i] = b.num(d)
		}
		dash = fmt.Sprintf(` stroke-dasharray="%s"`, strings.Join(parts, " "))
	}
	fmt.Fprintf(&b.body, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>\n",
		b.pathData(p), hexOf(c), b.num(width), dash)
}

func (b *svgBackend) text(run textRun) {
	weight := ""
	if run.bold {
		weight = ` font-weight="bold"`
	}
	var escaped bytes.Buffer
	_ = xml.EscapeText(&escaped, []byte(run.text))
	fmt.Fprintf(&b.body, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"%s text-anchor=\"%s\" fill=\"%s\">%s</text>\n",
		b.num(run.x), b.num(run.baseline), b.num(run.size), weight, run.anchor, hexOf(run.colour), escaped.String())
}

func (b *svgBackend) document(width, height int, title string) []byte {
	var out bytes.Buffer
	var escapedTitle bytes.Buffer
	_ = xml.EscapeText(&escapedTitle, []byte(title))
	fmt.Fprintf(&out, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif" stroke="none" xml:space="preserve">
<title>%s</title>
<rect width="100%%" height="100%%" fill="#ffffff"/>
`, width, height, width, height, escapedTitle.String())
	out.Write(b.body.Bytes())
	out.WriteString("</svg>\n")
	return out.Bytes()
}
