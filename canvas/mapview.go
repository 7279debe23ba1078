// Package canvas is Leadline's value-stream-map widget: stage cards, flow arrows, the
// department palette, zoom and pan, and the highlights that show where the time goes. It never
// changes the model: every gesture becomes a workshop.Command handed to the app.
package canvas

import (
	"image"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/workshop"
)

var (
	_ fyne.Widget            = (*MapView)(nil)
	_ fyne.Draggable         = (*MapView)(nil)
	_ fyne.Tappable          = (*MapView)(nil)
	_ fyne.SecondaryTappable = (*MapView)(nil)
	_ fyne.Scrollable        = (*MapView)(nil)
	_ fyne.Focusable         = (*MapView)(nil)
	_ desktop.Keyable        = (*MapView)(nil)
	_ desktop.Mouseable      = (*MapView)(nil)
)

// MapView is the editable value-stream map. It never mutates the model itself: every gesture
// becomes a workshop.Command handed to OnCommand; the app applies it through workshop.History,
// autosaves, recomputes the metrics and calls Apply.
type MapView struct {
	widget.BaseWidget

	// OnCommand applies an edit. A returned error (e.g. a refused loop) is shown near the
	// gesture and passed to OnError; the view then keeps showing the model as it was.
	OnCommand       func(cmd workshop.Command) error
	OnSelect        func(stageIDs []string) // the stage selection changed; empty means none
	OnSelectFlow    func(from, to string)   // a flow was clicked
	OnError         func(err error)
	OnRenameRequest func(stageID string)    // double-click, "Rename" or a fresh drop from the palette
	OnAddIdea       func(stageID string)    // "Add idea" in a card's menu
	OnOtherKey      func(ev *fyne.KeyEvent) // keys the view does not use, for window shortcuts
	OnOtherRune     func(r rune)
	OnOtherShortcut func(s fyne.Shortcut) // shortcuts the view does not use (undo, zoom…)

	workshop *workshop.Workshop
	model    *workshop.Map
	metrics  *workshop.Metrics

	zoom       float32
	pan        fyne.Position // where map (0,0) lies in the view, in pixels
	presenter  bool
	snap       bool
	fitPending bool // FitMap was asked for before the view had a size
	// fitted says the view shows the map as FitMap left it; a resize (the window maximised,
	// presenter mode) fits again until the user zooms or pans.
	fitted bool
	// overview says the map is drawn as one picture (overview.go) instead of objects.
	overview       bool
	overviewImage  *fynecanvas.Raster
	overviewBuffer *image.NRGBA
	colours        colours

	cards     map[string]*stageCard
	arrows    map[flowKey]*flowArrow
	arrowsOf  map[string][]*flowArrow // stage → incident arrows, so a drag touches only those
	selection []string
	flow      *flowKey // the selected flow, if any
	critical  map[flowKey]bool

	arrowLayer, cardLayer, overlay *fyne.Container
	editLayer                      *fyne.Container // the on-card editor, panned with the cards
	editor                         *cardEditor     // nil when no card is being edited
	// quickEntryUsed says a name with its times ("Review 2h 3d") was saved once, so the
	// on-card editor stops showing how.
	quickEntryUsed bool
	clipboard      *clip // what Ctrl+C copied
	background     *fynecanvas.Rectangle
	grid           *fynecanvas.Raster
	hint           *fynecanvas.Text
	rubberBand     *fynecanvas.Rectangle
	ghost          *fynecanvas.Rectangle
	preview        *connectPreview
	message        *transientMessage

	gesture   gesture
	modifiers fyne.KeyModifier // keys held, tracked while the view has focus
}

// NewMapView returns an empty view; call SetMap to show a map.
func NewMapView() *MapView {
	v := &MapView{zoom: 1, pan: fyne.NewPos(40, 40), cards: map[string]*stageCard{},
		arrows: map[flowKey]*flowArrow{}, arrowsOf: map[string][]*flowArrow{}}
	v.ExtendBaseWidget(v)
	v.colours = currentColours(v.Theme())
	v.background = &fynecanvas.Rectangle{}
	v.grid = fynecanvas.NewRaster(v.drawGrid)
	v.overviewImage = fynecanvas.NewRaster(v.drawOverview)
	v.overviewImage.Hide()
	v.arrowLayer = container.NewWithoutLayout()
	v.cardLayer = container.NewWithoutLayout()
	v.editLayer = container.NewWithoutLayout()
	v.hint = &fynecanvas.Text{Text: "Press Tab, or drag a department from the palette, to start mapping", Alignment: fyne.TextAlignCenter}
	v.rubberBand = &fynecanvas.Rectangle{StrokeWidth: 1}
	v.ghost = &fynecanvas.Rectangle{StrokeWidth: 2}
	v.rubberBand.Hide()
	v.ghost.Hide()
	v.preview = newConnectPreview()
	v.message = newTransientMessage()
	v.overlay = container.NewWithoutLayout(append([]fyne.CanvasObject{v.rubberBand, v.ghost, v.hint},
		append(v.preview.objects(), v.message.objects()...)...)...)
	return v
}

// SetMap shows a map of the workshop, rebuilding every card and arrow. mt may be nil when the
// map cannot be measured (e.g. it holds a loop).
func (v *MapView) SetMap(w *workshop.Workshop, m *workshop.Map, mt *workshop.Metrics) {
	v.workshop, v.model, v.metrics = w, m, mt
	v.flow = nil
	v.rebuild()
}

// Apply shows the effect of an applied (or undone) command. A move or an edit of cards on this
// map refreshes those cards and their arrows; anything else on this map (a card added or
// removed, flows, the map's fields) rebuilds it; a change elsewhere in the workshop leaves it.
func (v *MapView) Apply(ch workshop.Change, mt *workshop.Metrics) {
	v.metrics = mt
	if v.workshop == nil {
		return
	}
	current := v.model
	if current != nil {
		current = v.workshop.MapByID(current.ID)
	}
	if current != nil && current == v.model {
		mc, touched := ch.Map(current.ID)
		if !touched && !ch.MapList {
			v.refreshHighlights()
			return
		}
		if touched && mc.OnlyStages() && v.haveCards(mc.Stages) {
			for _, id := range mc.Stages {
				v.refreshStage(current.Stage(id))
			}
			v.layoutReworkArrows()
			v.refreshHighlights()
			v.refreshOverview()
			return
		}
	}
	v.model = current
	v.rebuild()
}

// haveCards tells whether every stage named has a card and is still on the map.
func (v *MapView) haveCards(ids []string) bool {
	for _, id := range ids {
		if v.cards[id] == nil || v.model.Stage(id) == nil {
			return false
		}
	}
	return len(ids) > 0
}

// rebuild recreates every card and arrow from the model.
func (v *MapView) rebuild() {
	v.colours = currentColours(v.Theme())
	v.cards = map[string]*stageCard{}
	v.arrows = map[flowKey]*flowArrow{}
	v.arrowsOf = map[string][]*flowArrow{}
	var cardObjects, arrowObjects []fyne.CanvasObject
	if v.model != nil {
		for _, s := range v.model.Stages {
			c := newStageCard(v, s.ID)
			c.mapPos = fyne.NewPos(float32(s.X), float32(s.Y))
			v.cards[s.ID] = c
			cardObjects = append(cardObjects, c)
		}
		for _, f := range v.model.Flows {
			if v.cards[f.From] == nil || v.cards[f.To] == nil {
				continue // Validate reports such a flow; drawing it would need a card that is not there
			}
			a := newFlowArrow(f)
			v.arrows[a.key] = a
			v.arrowsOf[f.From] = append(v.arrowsOf[f.From], a)
			v.arrowsOf[f.To] = append(v.arrowsOf[f.To], a)
			arrowObjects = append(arrowObjects, a.objects()...)
		}
	}
	if v.flow != nil && v.arrows[*v.flow] == nil {
		v.flow = nil
	}
	v.pruneSelection()
	v.cardLayer.Objects, v.arrowLayer.Objects = cardObjects, arrowObjects
	v.hint.Hidden = v.model == nil || len(v.model.Stages) > 0
	v.computeCritical()
	if v.model != nil {
		for _, s := range v.model.Stages {
			c := v.cards[s.ID]
			c.look = v.lookFor(s)
			v.placeCard(c)
			c.Refresh()
		}
	}
	for _, a := range v.arrows {
		v.styleArrow(a)
		v.layoutArrow(a)
	}
	if v.fitPending {
		v.FitMap()
	}
	v.refreshOverview()
	v.placeEditor()
	v.cardLayer.Refresh()
	v.arrowLayer.Refresh()
	v.hint.Refresh()
}

// refreshStage updates one card, creating it for a stage just added, and its arrows.
func (v *MapView) refreshStage(s *workshop.Stage) {
	c := v.cards[s.ID]
	if c == nil {
		c = newStageCard(v, s.ID)
		v.cards[s.ID] = c
		v.cardLayer.Add(c)
		v.hint.Hidden = true
		v.hint.Refresh()
	}
	c.mapPos = fyne.NewPos(float32(s.X), float32(s.Y))
	c.look = v.lookFor(s)
	v.placeCard(c)
	c.Refresh()
	v.layoutArrowsOf(s.ID)
	if v.editor != nil && v.editor.stageID == s.ID {
		v.placeEditor()
	}
}

// refreshHighlights re-ranks badges and the critical path after an edit, refreshing only the
// cards and arrows whose look changed.
func (v *MapView) refreshHighlights() {
	v.computeCritical()
	for _, s := range v.model.Stages {
		if c := v.cards[s.ID]; c != nil {
			if look := v.lookFor(s); look != c.look {
				c.look = look
				c.Refresh()
			}
		}
	}
	for key, a := range v.arrows {
		if critical := v.critical[key]; critical != a.critical {
			v.styleArrow(a)
			v.layoutArrow(a)
		}
	}
}

// computeCritical records which flows join consecutive stages of the critical path.
func (v *MapView) computeCritical() {
	v.critical = map[flowKey]bool{}
	if v.metrics == nil {
		return
	}
	path := v.metrics.CriticalPath
	for i := 1; i < len(path); i++ {
		v.critical[flowKey{path[i-1].ID, path[i].ID}] = true
	}
}

// lookFor computes a card's look from the model, the metrics and the selection.
func (v *MapView) lookFor(s *workshop.Stage) cardLook {
	if s == nil {
		return cardLook{}
	}
	ranks := map[string]workshop.Delay{}
	critical := false
	if v.metrics != nil {
		for i, d := range v.metrics.LongestDelays {
			if i == workshop.TopDelays {
				break
			}
			ranks[d.Stage.ID] = d
		}
		critical = v.metrics.OnCriticalPath(s.ID) && len(v.metrics.CriticalPath) > 1
	}
	ideas := 0
	for _, idea := range v.model.Ideas {
		if idea.Stage == s.ID {
			ideas++
		}
	}
	return lookOf(s, v.workshop.Calendar, ranks, critical, v.isSelected(s.ID), ideas)
}

func (v *MapView) styleArrow(a *flowArrow) {
	a.critical = v.critical[a.key]
	a.selected = v.flow != nil && *v.flow == a.key
	a.style(v.colours, v.zoom, v.presenter)
}

// placeCard sizes and positions a card for the current zoom, in layer coordinates.
func (v *MapView) placeCard(c *stageCard) {
	c.Resize(fyne.NewSize(cardWidth*v.zoom, cardHeight*v.zoom))
	c.Move(v.toLayer(c.mapPos))
}

func (v *MapView) layoutArrow(a *flowArrow) {
	if a.rework {
		v.layoutRework(a)
		return
	}
	from, to := v.cards[a.key.from], v.cards[a.key.to]
	a.layout(v.toLayer(from.mapPos), v.toLayer(to.mapPos), fyne.NewSize(cardWidth*v.zoom, cardHeight*v.zoom), v.zoom)
}

func (v *MapView) layoutArrowsOf(stageID string) {
	for _, a := range v.arrowsOf[stageID] {
		v.layoutArrow(a)
	}
	if v.overview {
		v.overviewImage.Refresh()
	}
}

// toLayer converts map units to the coordinates of the card and arrow layers, which the view
// shifts by the pan offset as a whole: panning moves two containers, not every card.
func (v *MapView) toLayer(p fyne.Position) fyne.Position {
	return fyne.NewPos(p.X*v.zoom, p.Y*v.zoom)
}

// toMap converts a position in the view to map units, undoing pan and zoom.
func (v *MapView) toMap(p fyne.Position) fyne.Position {
	return fyne.NewPos((p.X-v.pan.X)/v.zoom, (p.Y-v.pan.Y)/v.zoom)
}

func (v *MapView) drawGrid(w, h int) image.Image {
	pixelScale := float32(1)
	if size := v.Size(); size.Width > 0 {
		pixelScale = float32(w) / size.Width
	}
	origin := fyne.NewPos(v.pan.X*pixelScale, v.pan.Y*pixelScale)
	return dotGrid(w, h, origin, gridSpacing*v.zoom*pixelScale, v.colours.gridDot)
}

// CreateRenderer is called by Fyne; the renderer only lays out the layers, which the view keeps.
func (v *MapView) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{view: v, objects: []fyne.CanvasObject{v.background, v.grid, v.overviewImage, v.arrowLayer, v.cardLayer, v.editLayer, v.overlay}}
	r.applyColours()
	return r
}

type mapRenderer struct {
	view    *MapView
	objects []fyne.CanvasObject
}

func (r *mapRenderer) Destroy() {}

// IsClip keeps cards that are panned past the edge from painting over the palette or panels.
func (r *mapRenderer) IsClip() {}

func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *mapRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 150) }

func (r *mapRenderer) Layout(size fyne.Size) {
	v := r.view
	v.background.Resize(size)
	v.grid.Resize(size)
	v.overviewImage.Resize(size)
	for _, layer := range []*fyne.Container{v.arrowLayer, v.cardLayer, v.editLayer} {
		layer.Move(v.pan)
		layer.Resize(size)
	}
	v.overlay.Resize(size)
	hintSize := float32(18)
	if v.presenter {
		hintSize = 26
	}
	v.hint.TextSize = hintSize
	v.hint.Move(fyne.NewPos(0, size.Height/2-hintSize))
	v.hint.Resize(fyne.NewSize(size.Width, hintSize*1.4))
	if (v.fitPending || v.fitted) && size.Width > 0 && size.Height > 0 {
		v.FitMap()
	}
}

// Refresh re-reads the theme's colours; the view's layout is left alone.
func (r *mapRenderer) Refresh() {
	r.applyColours()
	v := r.view
	for _, c := range v.cards {
		c.Refresh()
	}
	for _, a := range v.arrows {
		v.styleArrow(a)
		v.layoutArrow(a)
	}
	r.Layout(v.Size())
	for _, o := range []fyne.CanvasObject{v.background, v.grid, v.hint, v.rubberBand, v.ghost} {
		o.Refresh()
	}
}

// applyColours paints the view's own objects with the theme's colours.
func (r *mapRenderer) applyColours() {
	v := r.view
	v.colours = currentColours(v.Theme())
	v.background.FillColor = v.colours.background
	v.grid.Hidden = v.presenter
	v.hint.Color = v.colours.muted
	v.rubberBand.FillColor, v.rubberBand.StrokeColor = v.colours.bandFill, v.colours.accent
	v.ghost.FillColor, v.ghost.StrokeColor = v.colours.bandFill, v.colours.accent
	v.ghost.CornerRadius = 8 * v.zoom
	v.preview.style(v.colours)
	v.message.style(v.colours)
}
