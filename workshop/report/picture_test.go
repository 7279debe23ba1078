package report_test

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop"
	"leadline.app/leadline/workshop/formats"
	"leadline.app/leadline/workshop/report"
)

func sampleWorkshop(t *testing.T) *workshop.Workshop {
	t.Helper()
	sample := assets.Samples()[0]
	w, _, err := formats.Import(sample.File, sample.Data)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// The PNG decodes at slide width or more, as the result says, and shows the red of the ranked
// delay badges and the department colours, not a blank page.
func TestPicturePNG(t *testing.T) {
	tests := []struct {
		name     string
		workshop func(t *testing.T) *workshop.Workshop
		minWidth int
	}{
		{"sample, 16 stages", sampleWorkshop, 2000},
		{"one stage, scaled up to a slide", func(t *testing.T) *workshop.Workshop {
			w := workshop.NewWorkshop("Tiny")
			w.Maps = []*workshop.Map{{ID: "m1", Name: "Only", State: workshop.Current,
				Stages: []*workshop.Stage{{ID: "a", Name: "Build", Wait: 60, Process: 30}}}}
			return w
		}, report.MinPictureWidth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := report.Picture(tt.workshop(t), report.PictureOptions{Format: report.PNG})
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(res.Data))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			size := img.Bounds().Size()
			if size.X < tt.minWidth || size.X != res.Width || size.Y != res.Height || size.Y < 300 {
				t.Fatalf("PNG is %v, result says %d × %d; want at least %d wide", size, res.Width, res.Height, tt.minWidth)
			}
			if n := countColour(img, color.RGBA{200, 40, 40, 255}); n < 200 {
				t.Errorf("%d pixels of delay red; the badges and the longest wait are missing", n)
			}
			if n := countColour(img, color.RGBA{31, 41, 55, 255}); n < 500 {
				t.Errorf("%d pixels of ink; the text is missing", n)
			}
		})
	}
}

func countColour(img image.Image, want color.RGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if uint8(r>>8) == want.R && uint8(g>>8) == want.G && uint8(bl>>8) == want.B {
				n++
			}
		}
	}
	return n
}

// The SVG is well-formed XML in which every stage name and the legend are text elements.
func TestPictureSVG(t *testing.T) {
	w := sampleWorkshop(t)
	res, err := report.Picture(w, report.PictureOptions{Format: report.SVG, Map: w.Maps[0].Name})
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(res.Data))
	var texts []string
	var root string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = el.Name.Space + " " + el.Name.Local
			}
			inText = el.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(el))
			}
		case xml.EndElement:
			inText = false
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Fatalf("root element %q", root)
	}
	all := strings.Join(texts, "\n")
	// Long names wrap over two text lines, as on the card.
	for _, s := range w.Maps[0].Stages {
		for _, word := range strings.Fields(s.Name) {
			if !strings.Contains(all, word) {
				t.Errorf("stage %q: %q is not in the SVG's text", s.Name, word)
			}
		}
	}
	for _, want := range []string{"critical path", "longest delays, ranked", "rework 30 %"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q is not in the SVG's text", want)
		}
	}
}

func TestPictureRefused(t *testing.T) {
	w := sampleWorkshop(t)
	tests := []struct {
		name string
		opts report.PictureOptions
		want string
	}{
		{"unknown map", report.PictureOptions{Format: report.PNG, Map: "Nope"}, `no map named "Nope"`},
		{"unknown format", report.PictureOptions{Format: "gif"}, "use png or svg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := report.Picture(w, tt.opts); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one naming %q", err, tt.want)
			}
		})
	}
}
