package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"leadline.app/leadline/workshop"
)

// The panels of the first page (see summaryPage). Each draws inside its area and returns the
// y below what it drew.

// panelCaption writes a small capitals caption at the top of an area.
func (b *builder) panelCaption(caption string, area rect) float64 {
	b.font(true, 8.5)
	b.textColour(colourMuted)
	b.text(area.x, area.y, area.w, 4.5, caption, "L")
	return area.y + 6
}

// miniMap draws the whole map small, with the top delays' red badges, in a framed area, and
// returns the y below the frame.
func (b *builder) miniMap(m *workshop.Map, mt *workshop.Metrics, area rect) float64 {
	y := b.panelCaption("THE MAP  ·  RED BADGES MARK THE "+strings.ToUpper(countWord(workshop.TopDelays))+" LONGEST WAITS", area)
	frame := rect{area.x, y, area.w, area.y + area.h - y}
	var ctx *mapContext
	if len(m.Stages) > 0 {
		// A wide map fills the width long before the height: the frame hugs the drawing, so
		// the page does not end in an empty box.
		ctx = newMapContext(m, mt)
		aspect := (ctx.place.height() + 40) / (ctx.place.width() + 40)
		frame.h = math.Min(frame.h, math.Max((frame.w-4)*aspect+4, 40))
	}
	b.fillColour(colourWhite)
	b.strokeColour(colourRule)
	b.pdf.SetLineWidth(0.3)
	b.roundedRect(frame.x, frame.y, frame.w, frame.h, 2, "1234", "D")
	if len(m.Stages) == 0 {
		b.font(false, 10)
		b.textColour(colourMuted)
		b.text(frame.x, frame.y+frame.h/2-3, frame.w, 6, "No stages yet.", "C")
		return frame.y + frame.h
	}
	inner := rect{frame.x + 2, frame.y + 2, frame.w - 4, frame.h - 4}
	pxW, pxH := ctx.place.width()+40, ctx.place.height()+40
	scale := math.Min(1, math.Min(inner.w/(pxW*mmPerPxFull), inner.h/(pxH*mmPerPxFull)))
	mmPerPx := scale * mmPerPxFull
	b.drawMap(ctx, view{mmPerPx: mmPerPx, area: inner, textScale: scale,
		originX: ctx.place.minX - 20 - (inner.w/mmPerPx-pxW)/2,
		originY: ctx.place.minY - 20 - (inner.h/mmPerPx-pxH)/2})
	return frame.y + frame.h
}

// actFirst lists the top levers: what removing each wait saves, and who owns the stage's
// improvement idea.
func (b *builder) actFirst(m *workshop.Map, levers []workshop.Lever, area rect) float64 {
	b.font(true, 13)
	b.textColour(colourInk)
	b.text(area.x, area.y-1, area.w, 7, "Where to act first", "L")
	y := area.y + 7
	top := leversThatBuy(levers, workshop.TopDelays)
	if len(top) == 0 {
		b.font(false, 9.5)
		b.textColour(colourMuted)
		for _, line := range b.wrapMax(b.noLeverText(levers), area.w, 2) {
			b.text(area.x, y, area.w, 4.6, line, "L")
			y += 4.6
		}
		return y
	}
	for i, l := range top {
		badge := point{area.x + 2.6, y + 2.8}
		b.leverBadge(badge, i+1, 0.9)
		b.font(true, 10.5)
		b.textColour(colourInk)
		b.text(area.x+7, y, area.w-7, 5.5, b.fit(b.clean(l.Stage.Name), area.w-7), "L")
		y += 5.5
		b.font(false, 9)
		b.textColour(colourDelay)
		saves := fmt.Sprintf("saves %s of lead time (%s)", workshop.FormatDuration(l.Gain, b.cal), percent(l.ShareOfLead))
		if l.Gain < l.Stage.Wait {
			saves += fmt.Sprintf(" of a %s wait", workshop.FormatDuration(l.Stage.Wait, b.cal))
		}
		b.text(area.x+7, y, area.w-7, 4.4, b.fit(saves, area.w-7), "L")
		y += 4.4
		if follow := b.followUp(m, l.Stage.ID); follow != "" {
			b.textColour(colourMuted)
			b.text(area.x+7, y, area.w-7, 4.4, b.fit(follow, area.w-7), "L")
			y += 4.4
		}
		y += 1.8
	}
	return y
}

// followUp is "Owner: CFO — Monthly budget window" from the stage's improvement ideas.
func (b *builder) followUp(m *workshop.Map, stageID string) string {
	owner, idea := ownerOf(m, stageID), ideaFor(m, stageID)
	switch {
	case owner != "" && idea != "":
		return "Owner: " + b.clean(owner) + " — " + b.clean(idea)
	case owner != "":
		return "Owner: " + b.clean(owner)
	case idea != "":
		return "Idea: " + b.clean(idea)
	}
	return ""
}

// beforeAfter sets a future state's figures beside its baseline's.
func (b *builder) beforeAfter(mt *workshop.Metrics, area rect) float64 {
	c := mt.Baseline
	y := b.panelCaption("BEFORE → AFTER  ·  AGAINST “"+strings.ToUpper(b.clean(c.Baseline))+"”", area)
	rows := []struct{ label, before, after string }{
		{"Lead time", workshop.FormatDuration(c.Before.LeadTime, b.cal), workshop.FormatDuration(mt.LeadTime, b.cal)},
		{"Process time", workshop.FormatDuration(c.Before.ProcessTime, b.cal), workshop.FormatDuration(mt.ProcessTime, b.cal)},
		{"Flow efficiency", percent(c.Before.FlowEfficiency), percent(mt.FlowEfficiency)},
	}
	for _, r := range rows {
		b.font(false, 9)
		b.textColour(colourMuted)
		b.text(area.x, y, area.w*0.36, 4.6, r.label, "L")
		b.font(true, 9.5)
		b.textColour(colourInk)
		b.text(area.x+area.w*0.36, y, area.w*0.64, 4.6, b.fit(r.before+"  →  "+r.after, area.w*0.64), "L")
		y += 4.8
	}
	return y
}

// forecastPanel gives the Monte Carlo percentiles and the uncertain stages that are most
// often critical.
func (b *builder) forecastPanel(f *workshop.Forecast, area rect) float64 {
	y := b.panelCaption("FORECAST  ·  "+thousands(f.Trials)+" TRIALS OVER THE RANGES", area)
	cellW := area.w / 3
	for i, p := range []struct {
		label   string
		minutes float64
	}{{"P50", f.P50}, {"P85", f.P85}, {"P95", f.P95}} {
		x := area.x + float64(i)*cellW
		b.font(false, 8)
		b.textColour(colourMuted)
		b.text(x, y, cellW, 4, p.label, "L")
		value := workshop.FormatDuration(math.Round(p.minutes/60)*60, b.cal) // to the hour: it is a forecast
		b.shrinkToFit(value, cellW-2, 12, 8)
		b.textColour(colourInk)
		b.text(x, y+4, cellW-2, 6, b.fit(value, cellW-2), "L")
	}
	y += 11
	b.font(false, 8.5)
	b.textColour(colourMuted)
	b.text(area.x, y, area.w, 4.2, b.fit("With the most likely times: "+workshop.FormatDuration(f.LeadTime, b.cal)+
		". Half the trials end by P50.", area.w), "L")
	y += 4.6
	critical := f.MostCriticalUncertain(workshop.TopDelays)
	if len(critical) > 0 {
		parts := make([]string, len(critical))
		for i, c := range critical {
			parts[i] = fmt.Sprintf("%s (critical in %s)", b.clean(c.Stage.Name), percent(c.Share))
		}
		b.textColour(colourInk)
		for _, line := range b.wrapMax("Most critical uncertain stages: "+strings.Join(parts, ", ")+".", area.w, 3) {
			b.text(area.x, y, area.w, 4.2, line, "L")
			y += 4.2
		}
	}
	return y
}

// thousands writes a count with thousands separators: 10,000.
func thousands(n int) string {
	digits := strconv.Itoa(n)
	for i := len(digits) - 3; i > 0; i -= 3 {
		digits = digits[:i] + "," + digits[i:]
	}
	return digits
}

// countWord spells small counts for headings ("three").
func countWord(n int) string {
	words := []string{"no", "one", "two", "three", "four", "five"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}
