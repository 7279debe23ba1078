package room

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"leadline.app/leadline/workshop"
)

// scene is one drawing of the room view at one size: the objects on screen and, for the
// focus keys and the tests, where each card went.
type scene struct {
	size      fyne.Size
	scale     float32
	palette   palette
	sizes     typeSizes // at the grid's zoom
	grid      grid
	page      int
	cards     []*cardObjects // the cards on this page
	figures   *figuresBand
	bandTop   float32
	sequence  []string // the focus steps: the critical path, page by page
	focusGone bool     // the focused stage is no longer on the map
	objects   []fyne.CanvasObject
}

// screenScale is the view's size over 1920×1080, the size the room rules are written for.
func screenScale(size fyne.Size) float32 {
	return max(min(size.Width/1920, size.Height/1080), 0.25)
}

func buildScene(src Source, size fyne.Size, p palette, focus string) *scene {
	s := &scene{size: size, scale: screenScale(size), palette: p, grid: grid{pages: []page{{}}}}
	scale := s.scale
	background := canvas.NewRectangle(p.background)
	background.Resize(size)
	s.objects = append(s.objects, background)
	s.bandTop = size.Height - bandHeightFor(scale)

	w := src.Workshop()
	m := src.Map()
	if w == nil || m == nil {
		s.message("No map to show: open a workshop in the editor")
		return s
	}
	mt, err := src.Metrics()
	defer func() {
		s.figures = drawFigures(w, m, mt, err, s.bandTop, size.Width, scale, p)
		s.objects = append(s.objects, s.figures.objects...)
		if len(s.grid.pages) > 1 {
			s.objects = append(s.objects, drawOverview(s, scale)...)
		}
	}()
	if len(m.Stages) == 0 {
		s.message("This map has no stages yet: drag departments onto it in the editor")
		return s
	}

	critical := map[string]bool{}
	criticalIndex := map[string]int{}
	ranks := map[string]int{}
	if mt != nil {
		for i, st := range mt.CriticalPath {
			critical[st.ID], criticalIndex[st.ID] = true, i
		}
		for _, d := range mt.LongestDelays {
			if d.Rank <= 3 && d.Stage.Wait > 0 {
				ranks[d.Stage.ID] = d.Rank
			}
		}
	}
	columns := columnsOf(m, critical)
	nameLines := 2
	base := sizesAt(scale)
	for _, st := range m.Stages {
		nameLines = max(nameLines, len(wrapName(st.Name, base.name, (cardBaseWidth-2*cardPad)*scale)))
	}
	card := cardMetricsFor(scale, nameLines)
	margin := max(card.gapX*0.7, 24*scale) // wrapped flows turn in the outer half-gap
	top := 22 * scale                      // room for the rank badges over the top row
	availW := size.Width - 2*margin
	availH := s.bandTop - top - card.rowGap*0.5
	s.grid = fitGrid(columns, card, availW, availH)
	s.sizes = base.times(s.grid.zoom)
	slots := place(columns, s.grid)

	columnOf := map[string]int{}
	for ci, c := range columns {
		for _, st := range c.stages {
			columnOf[st.ID] = ci
		}
	}
	s.sequence = focusSequence(columns, s.grid, slots, mt)
	s.focusGone = focus != "" && m.Stage(focus) == nil
	if sl, ok := slots[focus]; ok {
		s.page = sl.page
	}
	pg := s.grid.pages[s.page]
	origin := fyne.NewPos(margin+(availW-pg.width)/2, top+(availH-pg.height)/2)

	maxWait := 0.0
	for _, st := range m.Stages {
		maxWait = max(maxWait, st.Wait)
	}
	placed := map[string]placedCard{}
	for _, st := range m.Stages {
		sl := slots[st.ID]
		if sl.page != s.page {
			continue
		}
		index := -1
		if i, ok := criticalIndex[st.ID]; ok {
			index = i
		}
		placed[st.ID] = placedCard{pos: origin.AddXY(sl.x, sl.y), size: fyne.NewSize(s.grid.cardW, s.grid.cardH),
			rowTop: origin.Y + sl.rowTop, rowBottom: origin.Y + sl.rowBottom, row: sl.row, lastRow: sl.row == len(pg.rows)-1,
			critical: critical[st.ID], criticalIndex: index, column: columnOf[st.ID]}
	}
	u := scale * s.grid.zoom
	s.objects = append(s.objects, drawFlows(m, placed, s.grid, u, p, s.sizes)...)
	cal := w.Calendar
	for _, st := range m.Stages {
		pc, ok := placed[st.ID]
		if !ok {
			continue
		}
		look := cardLook{stage: st, critical: critical[st.ID], rank: ranks[st.ID], departmentName: st.Department,
			wait: workshop.FormatShort(st.Wait, cal), process: workshop.FormatShort(st.Process, cal),
			focused: st.ID == focus}
		if maxWait > 0 {
			look.waitShare = st.Wait / maxWait
		}
		c := drawCard(look, pc.pos, s.grid, s.sizes, scale, p)
		s.cards = append(s.cards, c)
		s.objects = append(s.objects, c.objects...)
	}
	return s
}

// message shows a line in the middle of the map area, for a map with nothing to draw.
func (s *scene) message(text string) {
	t := newText(text, sizesAt(s.scale).name, false, s.palette.label)
	t.Move(fyne.NewPos((s.size.Width-textWidth(t))/2, (s.bandTop-textHeight(t.TextSize))/2))
	s.objects = append(s.objects, t)
}

// focusSequence is the order Space steps through: on each page the critical-path stages in
// path order, or the page's first stage where the path does not pass.
func focusSequence(columns []column, g grid, slots map[string]slot, mt *workshop.Metrics) []string {
	var sequence []string
	for pi, p := range g.pages {
		found := false
		if mt != nil {
			for _, st := range mt.CriticalPath {
				if sl, ok := slots[st.ID]; ok && sl.page == pi {
					sequence = append(sequence, st.ID)
					found = true
				}
			}
		}
		if !found && p.columns > 0 && len(columns[p.firstColumn].stages) > 0 {
			sequence = append(sequence, columns[p.firstColumn].stages[0].ID)
		}
	}
	return sequence
}
