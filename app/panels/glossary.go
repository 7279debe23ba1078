package panels

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// glossaryMarkdown explains the figures in plain words for a room that is mostly not
// technical; the wording follows Martin & Osterling, as the README's Metrics section does.
const glossaryMarkdown = `## What the numbers mean

**PT: process time.** The hands-on time someone actually works on one piece of work in this stage: writing, reviewing, testing, signing.

**WT: wait time.** The time the work sits before this stage starts: in an inbox, a queue, waiting for a meeting or the next release train.

**LT: lead time.** How long it takes from start to finish. For one stage it is wait + process. For the whole map it is the longest chain of stages from the first to the last, because stages running side by side do not add up.

**%C&A: percent complete and accurate.** Of what a stage hands on, how much can the next stage use as it is, without asking back or fixing it? 90% means one in ten comes back.

**Rolled %C&A.** All the %C&A figures multiplied together: how often a piece of work gets all the way through without anyone going back. It drops fast: five stages at 90% give 59%.

**Flow efficiency.** Process time divided by lead time along the critical path: the share of the time someone is actually working on it. Green is 25% or more, amber 10% or more, red below 10%. Below 10% is common in offices.

**Critical path.** The slowest chain of stages from start to finish. It sets the lead time; shortening anything else does not bring the customer the result sooner.

**Rework.** Work sent back to an earlier stage, drawn as a dashed arrow backwards. It does not count in the lead time, but it costs time again and again.

**Longest delays.** The stages ranked by how long work waits before them. The top three are marked red.

**Where to act first.** What removing each wait would save on the lead time, the critical path worked out again. A long wait on a sign-off that runs beside a slower one saves nothing, or only down to the next-slowest branch: attack the top of this list first.

**Range and forecast.** When nobody knows a time for sure, give it a range: "2d, from 1d to 1w" (most likely 2 days). The forecast plays the map through 10,000 times with times drawn from the ranges. P50: half the runs finish by then; P85: 85 of 100 do, a date you can promise.
`

// NewGlossary returns a scrollable panel explaining the figures on screen.
func NewGlossary() fyne.CanvasObject {
	text := widget.NewRichTextFromMarkdown(glossaryMarkdown)
	text.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(text)
}
