package report

import (
	"image"
	"image/color"
	"math"

	"github.com/srwiley/rasterx"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// pngBackend rasterises paths with rasterx (anti-aliased, the rasteriser Fyne's SVG icons
// use) and text with the handout's own TrueType fonts.
type pngBackend struct {
	img     *image.RGBA
	pxPerMM float64
	fonts   *pictureFonts
	faces   map[faceKey]font.Face
}

type faceKey struct {
	bold bool
	size fixed.Int26_6
}

func newPNGBackend(width, height int, pxPerMM float64, fonts *pictureFonts) *pngBackend {
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for i := range img.Pix {
		img.Pix[i] = 0xff // opaque white: slides have no use for transparency
	}
	return &pngBackend{img: img, pxPerMM: pxPerMM, fonts: fonts, faces: map[faceKey]font.Face{}}
}

func opaque(c rgb) color.RGBA { return color.RGBA{uint8(c.r), uint8(c.g), uint8(c.b), 0xff} }

// raster runs one path through a rasteriser sized to the path's own box, so a small badge
// costs a small mask rather than the whole picture.
func (b *pngBackend) raster(p path, pad float64, adder func(w, h int, s rasterx.Scanner) rasterx.Adder, c rgb) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, op := range p {
		for _, pt := range op.pts {
			minX, minY = math.Min(minX, pt.x), math.Min(minY, pt.y)
			maxX, maxY = math.Max(maxX, pt.x), math.Max(maxY, pt.y)
		}
	}
	if math.IsInf(minX, 0) {
		return
	}
	k := b.pxPerMM
	box := image.Rect(int(math.Floor(minX*k-pad)), int(math.Floor(minY*k-pad)),
		int(math.Ceil(maxX*k+pad)), int(math.Ceil(maxY*k+pad))).Intersect(b.img.Bounds())
	if box.Empty() {
		return
	}
	sub := b.img.SubImage(box).(*image.RGBA)
	scanner := rasterx.NewScannerGV(box.Dx(), box.Dy(), sub, sub.Bounds())
	scanner.SetColor(opaque(c))
	a := adder(box.Dx(), box.Dy(), scanner)
	at := func(pt point) fixed.Point26_6 {
		return fixed.Point26_6{X: fixed.Int26_6((pt.x*k - float64(box.Min.X)) * 64), Y: fixed.Int26_6((pt.y*k - float64(box.Min.Y)) * 64)}
	}
	open := false
	for _, op := range p {
		switch op.kind {
		case 'M':
			if open {
				a.Stop(false)
			}
			a.Start(at(op.pts[0]))
			open = true
		case 'L':
			a.Line(at(op.pts[0]))
		case 'C':
			a.CubeBezier(at(op.pts[0]), at(op.pts[1]), at(op.pts[2]))
		case 'Z':
			a.Stop(true)
			open = false
		}
	}
	if open {
		a.Stop(false)
	}
	switch r := a.(type) {
	case *rasterx.Filler:
		r.Draw()
	case *rasterx.Dasher:
		r.Draw()
	}
}

func (b *pngBackend) fill(p path, c rgb) {
	b.raster(p, 1, func(w, h int, s rasterx.Scanner) rasterx.Adder { return rasterx.NewFiller(w, h, s) }, c)
}

func (b *pngBackend) stroke(p path, c rgb, width float64, dashes []float64) {
	px := math.Max(width*b.pxPerMM, 1) // a hairline still shows
	dashPx := make([]float64, len(dashes))
	for i, d := range dashes {
		dashPx[i] = d * b.pxPerMM
	}
	b.raster(p, px+2, func(w, h int, s rasterx.Scanner) rasterx.Adder {
		d := rasterx.NewDasher(w, h, s)
		d.SetStroke(fixed.Int26_6(px*64), 4*64, rasterx.ButtCap, nil, rasterx.FlatGap, rasterx.MiterClip, dashPx, 0)
		return d
	}, c)
}

func (b *pngBackend) face(bold bool, sizePx float64) font.Face {
	key := faceKey{bold, fixed.Int26_6(math.Round(sizePx * 64))}
	if f, ok := b.faces[key]; ok {
		return f
	}
	f, err := opentype.NewFace(b.fonts.face(bold), &opentype.FaceOptions{Size: sizePx, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		f = nil
	}
	b.faces[key] = f
	return f
}

// text draws glyph by glyph at the advances GetStringWidth measured, so that alignment and
// ellipsis fitting match the PDF exactly.
func (b *pngBackend) text(run textRun) {
	k := b.pxPerMM
	sizePx := run.size * k
	face := b.face(run.bold, sizePx)
	if face == nil {
		return
	}
	x := run.x
	switch run.anchor {
	case "middle":
		x -= run.width / 2
	case "end":
		x -= run.width
	}
	d := font.Drawer{Dst: b.img, Src: image.NewUniform(opaque(run.colour)), Face: face}
	y := fixed.Int26_6(run.baseline * k * 64)
	for _, r := range run.text {
		d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * k * 64), Y: y}
		d.DrawString(string(r))
		x += b.fonts.advance(run.bold, r) * run.size
	}
}
