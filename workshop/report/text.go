package report

import (
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"leadline.app/leadline/assets"
)

// replacementRune stands in for a character the embedded font cannot draw. A visible box tells
// the reader something was there, where silently dropping it would change the name.
const replacementRune = '□'

// fontCoverage records which BMP runes both embedded fonts can draw. gofpdf's UTF-8 support
// stops at the BMP and panics beyond it, so nothing outside it is ever covered.
type fontCoverage struct {
	bits [65536 / 64]uint64
}

func (c *fontCoverage) has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	return c.bits[r/64]&(1<<(uint(r)%64)) != 0
}

func (c *fontCoverage) set(r rune) { c.bits[r/64] |= 1 << (uint(r) % 64) }

var (
	coverageOnce   sync.Once
	sharedCoverage *fontCoverage
	coverageErr    error
)

// embeddedCoverage parses both fonts' cmaps once per process: every handout needs the same
// answer, and parsing costs a few milliseconds.
func embeddedCoverage() (*fontCoverage, error) {
	coverageOnce.Do(func() {
		regular, err := parseCmapFormat4(assets.FontRegular)
		if err != nil {
			coverageErr = fmt.Errorf("regular font: %w", err)
			return
		}
		bold, err := parseCmapFormat4(assets.FontBold)
		if err != nil {
			coverageErr = fmt.Errorf("bold font: %w", err)
			return
		}
		// A rune is usable only if both weights have it, since any text may be set in bold.
		for i := range regular.bits {
			regular.bits[i] &= bold.bits[i]
		}
		sharedCoverage = regular
	})
	return sharedCoverage, coverageErr
}

// parseCmapFormat4 reads the Windows Unicode BMP subtable (platform 3, encoding 1, format 4)
// of a TrueType font and returns the runes that map to a real glyph.
func parseCmapFormat4(font []byte) (*fontCoverage, error) {
	u16 := func(at int) (int, error) {
		if at < 0 || at+2 > len(font) {
			return 0, fmt.Errorf("truncated font at byte %d", at)
		}
		return int(binary.BigEndian.Uint16(font[at:])), nil
	}
	u32 := func(at int) (int, error) {
		if at < 0 || at+4 > len(font) {
			return 0, fmt.Errorf("truncated font at byte %d", at)
		}
		return int(binary.BigEndian.Uint32(font[at:])), nil
	}
	numTables, err := u16(4)
	if err != nil {
		return nil, err
	}
	cmap := -1
	for i := 0; i < numTables; i++ {
		record := 12 + 16*i
		if record+16 > len(font) {
			return nil, fmt.Errorf("truncated table directory")
		}
		if string(font[record:record+4]) == "cmap" {
			if cmap, err = u32(record + 8); err != nil {
				return nil, err
			}
		}
	}
	if cmap < 0 {
		return nil, fmt.Errorf("no cmap table")
	}
	subtables, err := u16(cmap + 2)
	if err != nil {
		return nil, err
	}
	table := -1
	for i := 0; i < subtables; i++ {
		platform, _ := u16(cmap + 4 + 8*i)
		encoding, _ := u16(cmap + 6 + 8*i)
		offset, err := u32(cmap + 8 + 8*i)
		if err != nil {
			return nil, err
		}
		if format, _ := u16(cmap + offset); platform == 3 && encoding == 1 && format == 4 {
			table = cmap + offset
		}
	}
	if table < 0 {
		return nil, fmt.Errorf("no format 4 Unicode cmap")
	}
	segCountX2, err := u16(table + 6)
	if err != nil {
		return nil, err
	}
	segments := segCountX2 / 2
	endCodes := table + 14
	startCodes := endCodes + segCountX2 + 2
	idDeltas := startCodes + segCountX2
	idRangeOffsets := idDeltas + segCountX2
	coverage := &fontCoverage{}
	for s := 0; s < segments; s++ {
		end, err1 := u16(endCodes + 2*s)
		start, err2 := u16(startCodes + 2*s)
		delta, err3 := u16(idDeltas + 2*s)
		rangeOffset, err4 := u16(idRangeOffsets + 2*s)
		if err := firstError(err1, err2, err3, err4); err != nil {
			return nil, err
		}
		for c := start; c <= end && c <= 0xFFFF; c++ {
			glyph := 0
			if rangeOffset == 0 {
				glyph = (c + delta) & 0xFFFF
			} else {
				g, err := u16(idRangeOffsets + 2*s + rangeOffset + 2*(c-start))
				if err != nil {
					return nil, err
				}
				if g != 0 {
					glyph = (g + delta) & 0xFFFF
				}
			}
			if glyph != 0 {
				coverage.set(rune(c))
			}
		}
	}
	return coverage, nil
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// isCJK reports the Han, kana, Hangul and related blocks. DejaVu Sans has none of them, but the
// check stands on its own so that swapping the font cannot quietly let them through half-drawn.
func isCJK(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0xA4CF, // radicals, kana, bopomofo, Han, Yi
		r >= 0xAC00 && r <= 0xD7AF, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFFEF: // half- and full-width forms
		return true
	}
	return false
}

// isInvisibleJoiner covers the zero-width glue of emoji sequences (joiners, variation
// selectors, skin tones, tags). They carry no text of their own, so they are dropped rather
// than each turning into a box of its own.
func isInvisibleJoiner(r rune) bool {
	switch {
	case r == 0x200D, r == 0x200B, r == 0x2060, r == 0xFEFF,
		r >= 0xFE00 && r <= 0xFE0F,
		r >= 0x1F3FB && r <= 0x1F3FF,
		r >= 0xE0000 && r <= 0xE007F,
		r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return false
}

// textFilter makes every string safe for gofpdf and the embedded font, and remembers which
// texts had to change so the caller can tell the facilitator.
type textFilter struct {
	coverage *fontCoverage
	replaced []string
	seen     map[string]bool
	cache    map[string]string
}

func newTextFilter(coverage *fontCoverage) *textFilter {
	return &textFilter{coverage: coverage, seen: map[string]bool{}, cache: map[string]string{}}
}

// clean returns s with line breaks and tabs turned into spaces, control characters dropped and
// characters the font lacks replaced by a visible box.
func (f *textFilter) clean(s string) string {
	if out, ok := f.cache[s]; ok {
		return out
	}
	var b strings.Builder
	changed := false
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isInvalidAt(s, i):
			b.WriteRune(f.replacement())
			changed = true
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			// Control characters have no glyph and no meaning on paper.
		case isInvisibleJoiner(r):
		case r > 0xFFFF || isCJK(r) || !f.coverage.has(r):
			b.WriteRune(f.replacement())
			changed = true
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if changed && !f.seen[s] {
		f.seen[s] = true
		f.replaced = append(f.replaced, s)
	}
	f.cache[s] = out
	return out
}

func (f *textFilter) replacement() rune {
	if f.coverage.has(replacementRune) {
		return replacementRune
	}
	return '?'
}

func isInvalidAt(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	return r == utf8.RuneError && size <= 1
}
