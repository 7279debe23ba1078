package workshop

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// An event log records work items moving through statuses: which item, which status, when it
// entered and (optionally) left. MeasureMap turns it into a measured current-state map by the
// derivation the README's "Event logs" section spells out step by step; the step numbers in
// the comments below are that list's.

// Visit is one row of an event log: a work item in one status for a while.
type Visit struct {
	Item       string
	Status     string // a stage, or one of LogOptions' queue or done statuses
	Entered    time.Time
	Exited     time.Time // meaningful only when HasExit
	HasExit    bool
	Department string
}

// LogOptions name the statuses of a log that are not stages. Names match case-insensitively.
type LogOptions struct {
	Queues []string // time spent in a queue status is wait before the next stage
	Done   []string // entering a done status completes the item
}

// Observed is the lead time measured over the completed items of an event log, in minutes.
// It travels with the map so that the model's lead time can be read against it.
type Observed struct {
	Items         int
	P50, P85, P95 float64
}

// validate refuses figures no log can give: negative or huge times, percentiles out of order.
func (o *Observed) validate(mapName string) error {
	if o == nil {
		return nil
	}
	if o.Items < 0 {
		return &FieldError{Map: mapName, Field: "observed items", Value: fmt.Sprint(o.Items), Problem: "must not be negative"}
	}
	previous := 0.0
	for _, p := range []struct {
		field string
		value float64
	}{{"observed p50", o.P50}, {"observed p85", o.P85}, {"observed p95", o.P95}} {
		if !(p.value >= previous && p.value <= MaxMinutes) {
			return &FieldError{Map: mapName, Field: p.field, Value: fmt.Sprint(p.value),
				Problem: "must be a number of minutes from 0, at least the percentile before it"}
		}
		previous = p.value
	}
	return nil
}

// MeasuredMapName is the name of the one map an event log becomes.
const MeasuredMapName = "Current state (measured)"

// MeasuredCalendar counts calendar time: an event log's clock runs through nights and
// weekends, so "1d" must mean 24 hours.
var MeasuredCalendar = Calendar{HoursPerDay: 24, DaysPerWeek: 7}

type statusKind uint8

const (
	kindStage statusKind = iota
	kindQueue
	kindDone
)

// logVisit is a Visit indexed for the derivation: times in minutes since the Unix epoch.
type logVisit struct {
	stage  int32 // stage index, or -1 for a queue or done status
	done   bool
	entry  float64
	end    float64 // meaningful only when hasEnd
	hasEnd bool
}

type logItem struct {
	visits     []logVisit
	firstEntry float64
	first      []int32 // index into visits of the first visit of each stage visited, in visit order
}

// eventLog is the log grouped by item, with every stage named once.
type eventLog struct {
	items       []logItem
	stageNames  []string
	departments []string
}

// MeasureMap derives the measured current state from an event log's visits, given in file
// order. It fails only when no stage is left (every status a queue or done, or no visits).
func MeasureMap(visits []Visit, opts LogOptions) (*Map, error) {
	log := indexLog(visits, opts)
	if len(log.stageNames) == 0 {
		if len(visits) == 0 {
			return nil, fmt.Errorf("the log holds no work items")
		}
		return nil, fmt.Errorf("no stage is left: every status of the log is marked queue or done")
	}
	order := log.stageOrder()
	pos := make([]int, len(order))
	for p, stage := range order {
		pos[stage] = p
	}
	precedes := log.precedence(order, pos)
	direct := transitiveReduction(precedes)
	times := log.firstVisitTimes(pos, direct)
	rework := log.rework(pos)

	m := &Map{ID: "m1", Name: MeasuredMapName, State: Current}
	idOf := func(p int) string { return fmt.Sprintf("s%d", p+1) }
	for p, stage := range order {
		t := times[stage]
		s := &Stage{ID: idOf(p), Name: log.stageNames[stage], Department: log.departments[stage],
			Wait: medianMinutes(t.wait), Process: medianMinutes(t.process)}
		if n := rework.sentBack[stage]; n > 0 {
			s.HasCA = true
			s.CA = math.Round(100 * (1 - float64(n)/float64(rework.visited[stage])))
		}
		if len(t.wait) == 0 {
			s.Notes = "No finished visit in the log, so no time was measured."
		}
		// Step 11: the 10th and 90th percentiles give the forecast the measured spread. A
		// rounded even-count median may fall just outside them; the range still holds it.
		s.WaitRange = measuredRange(t.wait, s.Wait)
		s.ProcessRange = measuredRange(t.process, s.Process)
		m.Stages = append(m.Stages, s)
	}
	for i := range direct.rows {
		for j := i + 1; j < len(order); j++ {
			if direct.has(i, j) {
				m.Flows = append(m.Flows, Flow{From: idOf(i), To: idOf(j)})
			}
		}
	}
	for _, r := range rework.flows {
		m.Flows = append(m.Flows, Flow{From: idOf(pos[r.from]), To: idOf(pos[r.to]), Rework: true,
			ReworkPercent: math.Round(100 * float64(r.items) / float64(rework.visited[r.from]))})
	}
	layOutByOrder(m, direct)
	observed := log.observed()
	m.Observed = &observed
	return m, nil
}

// measuredRange is the 10th to 90th percentile of sorted samples, widened to hold the stage's
// value. Samples without spread (one visit, or all alike) give no range: the time is as
// certain as the log can tell, and the card stays uncluttered.
func measuredRange(sorted []float64, value float64) Range {
	if len(sorted) == 0 {
		return Range{}
	}
	r := Range{Low: math.Min(Percentile(sorted, 0.10), value), High: math.Max(Percentile(sorted, 0.90), value)}
	if r.Low == r.High {
		return Range{}
	}
	return r
}

// indexLog groups the visits by item in order of first appearance, sorts each item's visits
// by entry (ties in file order: step 2) and closes open visits at the next one (step 1).
func indexLog(visits []Visit, opts LogOptions) *eventLog {
	kindOf := func(status string) statusKind {
		for _, q := range opts.Queues {
			if strings.EqualFold(strings.TrimSpace(q), status) {
				return kindQueue
			}
		}
		for _, d := range opts.Done {
			if strings.EqualFold(strings.TrimSpace(d), status) {
				return kindDone
			}
		}
		return kindStage
	}
	log := &eventLog{}
	itemIndex := map[string]int{}
	type statusInfo struct {
		kind  statusKind
		stage int32
	}
	statuses := map[string]statusInfo{}
	for _, v := range visits {
		info, known := statuses[v.Status]
		if !known {
			info = statusInfo{kind: kindOf(v.Status), stage: -1}
			if info.kind == kindStage {
				info.stage = int32(len(log.stageNames))
				log.stageNames = append(log.stageNames, v.Status)
				log.departments = append(log.departments, "")
			}
			statuses[v.Status] = info
		}
		// Step 10: the first department seen names the stage's department.
		if info.stage >= 0 && log.departments[info.stage] == "" {
			log.departments[info.stage] = v.Department
		}
		i, ok := itemIndex[v.Item]
		if !ok {
			i = len(log.items)
			itemIndex[v.Item] = i
			log.items = append(log.items, logItem{})
		}
		lv := logVisit{stage: info.stage, done: info.kind == kindDone, entry: minutesOf(v.Entered)}
		if v.HasExit {
			lv.end, lv.hasEnd = minutesOf(v.Exited), true
		}
		log.items[i].visits = append(log.items[i].visits, lv)
	}
	seen := make([]bool, len(log.stageNames))
	for i := range log.items {
		item := &log.items[i]
		slices.SortStableFunc(item.visits, func(a, b logVisit) int { return compareFloat(a.entry, b.entry) })
		for k := range item.visits {
			v := &item.visits[k]
			if !v.hasEnd && k+1 < len(item.visits) {
				v.end, v.hasEnd = item.visits[k+1].entry, true
			}
			if v.stage >= 0 && !seen[v.stage] {
				seen[v.stage] = true
				item.first = append(item.first, int32(k))
			}
		}
		item.firstEntry = item.visits[0].entry
		for _, k := range item.first {
			seen[item.visits[k].stage] = false
		}
	}
	return log
}

// minutesOf keeps sub-minute precision without time.Duration's ±292-year limit.
func minutesOf(t time.Time) float64 {
	return float64(t.Unix())/60 + float64(t.Nanosecond())/60e9
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// medianMinutes is step 8's median: the middle value, or for an even count the mean of the
// two middle values rounded to the nearest minute. samples are sorted.
func medianMinutes(sorted []float64) float64 {
	n := len(sorted)
	switch {
	case n == 0:
		return 0
	case n%2 == 1:
		return sorted[n/2]
	}
	return math.Round((sorted[n/2-1] + sorted[n/2]) / 2)
}

// observed is step 11: a completed item's lead time runs from its first entry to its entry
// into a done status when that is its last visit, else to its last end when its last visit
// has one of its own. An item whose last visit is still open is in progress and not counted.
func (log *eventLog) observed() Observed {
	var leads []float64
	for i := range log.items {
		item := &log.items[i]
		last := item.visits[len(item.visits)-1]
		var finish float64
		switch {
		case last.done:
			finish = last.entry
		case last.hasEnd:
			finish = last.end
			for _, v := range item.visits {
				if v.hasEnd && !v.done {
					finish = math.Max(finish, v.end)
				}
			}
		default:
			continue
		}
		leads = append(leads, finish-item.firstEntry)
	}
	slices.Sort(leads)
	return Observed{Items: len(leads), P50: Percentile(leads, 0.50), P85: Percentile(leads, 0.85), P95: Percentile(leads, 0.95)}
}

// Layout of a measured map: columns by forward-flow depth, parallel stages stacked and each
// column centred on the tallest, so a fork and its join line up.
const (
	measuredLeft, measuredTop = 40, 40
	measuredColumnStride      = 200
	measuredRowStride         = 130
)

func layOutByOrder(m *Map, direct bitMatrix) {
	column := make([]int, len(m.Stages))
	for j := range m.Stages {
		for i := 0; i < j; i++ {
			if direct.has(i, j) {
				column[j] = max(column[j], column[i]+1)
			}
		}
	}
	height := map[int]int{}
	tallest := 0
	for _, c := range column {
		height[c]++
		tallest = max(tallest, height[c])
	}
	row := map[int]int{}
	for j, s := range m.Stages {
		c := column[j]
		offset := float64(tallest-height[c]) / 2
		s.X = measuredLeft + float64(c*measuredColumnStride)
		s.Y = measuredTop + (float64(row[c])+offset)*measuredRowStride
		row[c]++
	}
}
