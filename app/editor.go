package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"leadline.app/leadline/app/panels"
	"leadline.app/leadline/canvas"
	"leadline.app/leadline/workshop"
	edit "leadline.app/leadline/workshop/session"
)

// editor is the main view: palette, map tabs and canvas, the side panel, and the figures.
type editor struct {
	ui      *App
	session *session

	mapView     *canvas.MapView
	palette     *canvas.Palette
	mapTabs     *mapTabs
	toolbar     *toolbar
	stageEditor *panels.StageEditor
	delays      *panels.Delays
	levers      *panels.Levers
	forecast    *forecaster
	departments *panels.DepartmentChart
	metricsBar  *panels.MetricsBar
	ladder      *panels.Ladder
	timer       *panels.Timer
	form        *panels.WorkshopForm
	mapForm     *mapForm
	comparison  *comparison
	totals      *totalsPill
	flowForm    *flowForm
	status      *statusLine
	readOnly    *readOnlyBanner
	tips        *panels.TipLayer
	sideTabs    *container.AppTabs

	content fyne.CanvasObject
}

func newEditor(ui *App) *editor {
	e := &editor{ui: ui, status: newStatusLine(ui.runOnUI), readOnly: newReadOnlyBanner(), tips: panels.NewTipLayer()}
	e.mapView = canvas.NewMapView()
	e.palette = canvas.NewPalette(e.mapView)
	e.stageEditor = panels.NewStageEditor()
	e.delays = panels.NewDelays()
	e.levers = panels.NewLevers()
	e.departments = panels.NewDepartmentChart()
	e.metricsBar = panels.NewMetricsBar()
	e.ladder = panels.NewLadder()
	e.timer = panels.NewTimer()
	e.form = panels.NewWorkshopForm()
	e.mapTabs = newMapTabs(e)
	e.mapForm = newMapForm(e)
	e.comparison = newComparison()
	e.totals = newTotalsPill()
	e.forecast = newForecaster(e.totals.setForecast, ui.runOnUI)
	e.flowForm = newFlowForm(e)
	e.toolbar = newToolbar(e)

	e.mapView.OnCommand = e.apply
	e.mapView.OnError = ui.showError
	e.mapView.OnSelect = e.selectionChanged
	e.mapView.OnSelectFlow = e.showFlow
	e.mapView.OnRenameRequest = e.showStage // the name is typed on the card itself
	e.mapView.OnOtherKey = ui.windowKey
	e.mapView.OnOtherRune = ui.windowRune
	e.mapView.OnOtherShortcut = ui.shortcuts.TypedShortcut
	e.mapView.OnAddIdea = e.showStage // the stage panel ends with the idea list and its Add row
	e.stageEditor.OnCommand = e.apply
	e.stageEditor.Canvas = ui.window.Canvas()
	e.stageEditor.Tips = e.tips
	e.form.OnCommand = e.apply
	e.delays.OnSelect = func(id string) {
		e.mapView.Select(id)
		e.mapView.CenterOn(id)
		e.showStage(id)
	}
	e.levers.OnSelect = e.delays.OnSelect
	e.timer.OnFinished = func() { ui.showNote("Time is up") }

	e.sideTabs = container.NewAppTabs(
		container.NewTabItem("Stage", container.NewStack(e.stageEditor.Content(), e.flowForm.content)),
		container.NewTabItem("Delays", container.NewBorder(e.comparison.content, nil, nil, nil,
			// Stacked, not side by side: two lists abreast would make the side panel wider than a
			// 1280×720 projector leaves it.
			// The department chart scrolls: a future state's before/after bars are taller than
			// a 1280×720 screen leaves the panel.
			delaysTab(e.delays, e.levers, container.NewVScroll(e.departments)))),
		container.NewTabItem("Workshop", container.NewVScroll(container.NewVBox(e.mapForm.content, widget.NewSeparator(), e.form.Content()))),
		container.NewTabItem("Timer", e.timer),
		container.NewTabItem("Glossary", panels.NewGlossary()),
	)
	e.content = container.NewStack(e.layout(), e.tips.Content(), newSizeWatcher(ui))
	return e
}

func (e *editor) layout() fyne.CanvasObject {
	top := container.NewVBox(e.toolbar.bar, e.readOnly.box, e.mapTabs.box)
	figures := container.NewVBox(e.metricsBar, e.ladder)
	centre := container.NewBorder(nil, figures, nil, nil, container.NewStack(e.mapView, e.totals.content, e.status.box))
	paletteScroll := container.NewVScroll(e.palette)
	split := container.NewHSplit(centre, e.sideTabs)
	split.Offset = 0.74
	return container.NewBorder(top, nil, paletteScroll, nil, split)
}

// open shows a session's workshop, on its first map.
func (e *editor) open(s *session) {
	e.session = s
	e.form.Show(s.workshop())
	e.showMap()
}

// commitForms turns whatever is still being typed (on a card, in the stage panel, in the
// workshop details) into edits.
func (e *editor) commitForms() {
	if e.session == nil {
		return
	}
	e.mapView.CommitEditor() // the on-card editor first: the panel then shows what it saved
	// Showing no stage commits a pending valid edit of the stage on screen.
	e.stageEditor.Show(e.session.workshop(), e.session.currentMap(), "")
	e.form.Commit()
}

// reloaded redraws everything after another writer's edits were taken in, keeping the map on
// screen and the selection where they still exist. Edits of ours that no longer applied are
// reported; the rest are already replayed on the fresh copy.
func (e *editor) reloaded(refused []error) {
	if e.session == nil {
		return
	}
	selected := e.mapView.Selected()
	e.form.Show(e.session.workshop())
	e.showMap()
	e.mapView.Select(selected...)
	e.selectionChanged(e.mapView.Selected())
	if len(refused) > 0 {
		e.ui.showError(refused[0])
		return
	}
	e.ui.showNote("Updated: this workshop was changed in another window or by leadline edit")
}

// focusMap gives the map the keyboard, as it has whenever it is shown (README "In the app"):
// call it after the editor becomes the window's content, which starts a new focus chain.
func (e *editor) focusMap() { e.ui.window.Canvas().Focus(e.mapView) }

// afterShown runs once the content is on the window: fitting needs the real canvas size.
func (e *editor) afterShown() {
	e.mapView.FitMap()
	e.focusMap()
}

// showMap rebuilds everything for the current map, e.g. after a tab switch or an undo that
// touched the whole workshop.
func (e *editor) showMap() {
	s := e.session
	m := s.currentMap()
	e.mapTabs.refresh()
	name := ""
	if m != nil {
		name = m.Name
	}
	e.ui.setTitle(name, s.workshop().Name)
	mt, err := s.metrics()
	if m == nil {
		m = &workshop.Map{}
	}
	e.mapView.SetMap(s.workshop(), m, mt)
	e.refreshFigures(mt, err)
	e.stageEditor.Show(s.workshop(), m, "")
	e.mapForm.show()
	e.toolbar.refresh()
}

// apply is where every gesture and form edit lands: one command, one undo step, one save.
func (e *editor) apply(cmd workshop.Command) error {
	ch, err := e.session.apply(cmd)
	if errors.Is(err, edit.ErrClosed) {
		return err // a form's late idle commit after the window closed: nothing to show it on
	}
	if err != nil {
		e.ui.showError(err)
		return err
	}
	e.status.clear()
	e.changed(ch)
	return nil
}

func (e *editor) undo() {
	ch, err := e.session.undo()
	if err != nil {
		e.ui.showNote(err.Error())
		return
	}
	e.ui.showNote("Undone")
	e.showChangedMap(ch)
	e.changed(ch)
}

func (e *editor) redo() {
	ch, err := e.session.redo()
	if err != nil {
		e.ui.showNote(err.Error())
		return
	}
	e.showChangedMap(ch)
	e.changed(ch)
}

// showChangedMap brings the map an undo or redo touched on screen, so the facilitator sees
// what changed rather than an unchanged map.
func (e *editor) showChangedMap(ch workshop.Change) {
	if id := ch.FirstMap(); id != "" && id != e.session.mapID && e.session.workshop().MapByID(id) != nil {
		e.session.mapID = id
		e.showMap()
	}
}

// changed redraws what an edit touched and recomputes the figures.
func (e *editor) changed(ch workshop.Change) {
	s := e.session
	if ch.Workshop || ch.MapList || touchesMapFields(ch) {
		selected := e.mapView.Selected()
		e.form.Show(s.workshop())
		e.showMap()
		e.mapView.Select(selected...)
		e.selectionChanged(e.mapView.Selected())
		return
	}
	mt, err := s.metrics()
	mc, onScreen := ch.Map(s.mapID)
	if onScreen {
		e.mapView.Apply(ch, mt)
	}
	if onScreen && mc.MovedOnly && len(ch.Maps) == 1 {
		// A drag's commit: no figure changed, so the panels are left as they are. The room
		// view still follows: it stacks parallel branches in the editor's top-to-bottom order.
		e.toolbar.refresh()
		e.ui.roomChanged()
		return
	}
	e.refreshFigures(mt, err)
	if e.flowForm.content.Visible() {
		e.flowForm.show(e.flowForm.from, e.flowForm.to)
	}
	if sel := e.mapView.Selected(); len(sel) == 1 {
		e.stageEditor.Show(s.workshop(), s.currentMap(), sel[0])
	} else {
		e.stageEditor.Show(s.workshop(), s.currentMap(), "")
	}
	e.toolbar.refresh()
}

// delaysTab stacks the longest delays, the levers and the department chart. The two lists,
// what the facilitator points at, get two thirds of the height; the chart scrolls below.
func delaysTab(delays, levers, departments fyne.CanvasObject) fyne.CanvasObject {
	lists := container.NewVSplit(delays, levers)
	all := container.NewVSplit(lists, departments)
	all.Offset = 0.68
	return all
}

// touchesMapFields tells whether a change renamed a map or changed its state or baseline: the
// tabs, title and comparison all show those.
func touchesMapFields(ch workshop.Change) bool {
	for _, mc := range ch.Maps {
		if mc.Fields {
			return true
		}
	}
	return false
}

func (e *editor) refreshFigures(mt *workshop.Metrics, err error) {
	w := e.session.workshop()
	e.metricsBar.Update(w, mt, err)
	e.delays.Update(w, mt)
	e.levers.Update(w, e.currentLevers(mt))
	e.forecast.request(e.session.currentMap())
	e.departments.Update(w, mt)
	e.ladder.Update(w, mt)
	e.comparison.update(w, mt)
	e.totals.update(w, e.session.currentMap(), mt)
	e.ui.roomChanged()
}

// currentLevers ranks what removing each wait of the map on screen would buy; nil when the
// map has no figures (e.g. a loop).
func (e *editor) currentLevers(mt *workshop.Metrics) []workshop.Lever {
	m := e.session.currentMap()
	if mt == nil || m == nil {
		return nil
	}
	levers, err := m.Levers()
	if err != nil {
		return nil
	}
	return levers
}

// showFlow puts the clicked flow's form where the stage panel is.
func (e *editor) showFlow(from, to string) {
	e.flowForm.show(from, to)
	if e.sideTabs.SelectedIndex() != 0 {
		e.sideTabs.SelectIndex(0)
	}
}

func (e *editor) selectionChanged(ids []string) {
	e.flowForm.hide()
	if len(ids) == 1 {
		e.showStage(ids[0])
		return
	}
	e.stageEditor.Show(e.session.workshop(), e.session.currentMap(), "")
}

func (e *editor) showStage(id string) {
	e.stageEditor.Show(e.session.workshop(), e.session.currentMap(), id)
	if e.sideTabs.SelectedIndex() != 0 {
		e.sideTabs.SelectIndex(0)
	}
}

// switchMap shows another map of the workshop.
func (e *editor) switchMap(id string) {
	if id == e.session.mapID {
		return
	}
	e.session.mapID = id
	e.showMap()
	// A future state shares its stage ids with its baseline: without this the ring and handle
	// of a card selected on the other map showed here while the panel said "Select a stage".
	e.mapView.Select()
	e.selectionChanged(nil)
	e.mapView.FitMap()
	e.focusMap()
}
