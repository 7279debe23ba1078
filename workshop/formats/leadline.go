package formats

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"leadline.app/leadline/workshop"
)

// The Leadline JSON shapes as read. Times and %C&A stay raw until the calendar is known,
// because "calendar" may come after "maps" in the file.
type leadlineFile struct {
	Name         string            `json:"name"`
	Facilitator  string            `json:"facilitator"`
	Date         string            `json:"date"`
	Participants []string          `json:"participants"`
	Notes        string            `json:"notes"`
	Calendar     *leadlineCalendar `json:"calendar"`
	Maps         []leadlineMap     `json:"maps"`
	// The shorthand for a one-map workshop.
	Stages []leadlineStage `json:"stages"`
	Flows  []leadlineFlow  `json:"flows"`
	Ideas  []leadlineIdea  `json:"ideas"`
}

type leadlineCalendar struct {
	HoursPerDay float64 `json:"hoursPerDay"`
	DaysPerWeek float64 `json:"daysPerWeek"`
}

type leadlineMap struct {
	Name     string          `json:"name"`
	State    string          `json:"state"`
	Baseline string          `json:"baseline"`
	Stages   []leadlineStage `json:"stages"`
	Flows    []leadlineFlow  `json:"flows"`
	Ideas    []leadlineIdea  `json:"ideas"`
	Observed *ObservedJSON   `json:"observed"`
}

type leadlineStage struct {
	ID           string          `json:"id"`
	Name         string          `json:"name"`
	Department   string          `json:"department"`
	Process      json.RawMessage `json:"process"`
	Wait         json.RawMessage `json:"wait"`
	WaitRange    json.RawMessage `json:"waitRange"`
	ProcessRange json.RawMessage `json:"processRange"`
	CA           json.RawMessage `json:"ca"`
	People       json.RawMessage `json:"people"`
	Notes        string          `json:"notes"`
	X            float64         `json:"x"`
	Y            float64         `json:"y"`
}

type leadlineFlow struct {
	From          string  `json:"from"`
	To            string  `json:"to"`
	Rework        bool    `json:"rework"`
	ReworkPercent float64 `json:"reworkPercent"`
}

type leadlineIdea struct {
	Stage string `json:"stage"`
	Text  string `json:"text"`
	Owner string `json:"owner"`
}

// ParseLeadline reads Leadline JSON and returns a validated workshop.
func ParseLeadline(name string, data []byte) (*workshop.Workshop, error) {
	if err := checkSize(name, len(data)); err != nil {
		return nil, err
	}
	data, err := readText(name, data)
	if err != nil {
		return nil, err
	}
	if err := checkShape(name, data, reflect.TypeFor[leadlineFile](), true); err != nil {
		return nil, err
	}
	var file leadlineFile
	if err := json.Unmarshal(data, &file); err != nil {
		located := describeJSONError(data, err)
		located.File = name
		return nil, located
	}
	r := leadlineReader{file: name, data: data}
	return r.build(&file)
}

// leadlineReader turns the decoded file into the model, locating each problem in the file.
type leadlineReader struct {
	file      string
	data      []byte
	shorthand bool // stages at the top level, not inside maps
}

func (r *leadlineReader) build(file *leadlineFile) (*workshop.Workshop, error) {
	r.shorthand = file.Maps == nil && (file.Stages != nil || file.Flows != nil || file.Ideas != nil)
	if len(file.Maps) > 0 && (len(file.Stages) > 0 || len(file.Flows) > 0 || len(file.Ideas) > 0) {
		return nil, at(r.file, r.data, "the file has both maps and top-level stages; put the stages inside a map", "stages")
	}
	w := &workshop.Workshop{
		Name:         strings.TrimSpace(file.Name),
		Facilitator:  file.Facilitator,
		Date:         file.Date,
		Participants: nonEmpty(file.Participants),
		Notes:        file.Notes,
	}
	if w.Name == "" {
		w.Name = nameFromFile(r.file)
	}
	cal, err := r.calendar(file.Calendar)
	if err != nil {
		return nil, err
	}
	w.Calendar = cal
	maps := file.Maps
	if r.shorthand {
		maps = []leadlineMap{{Name: w.Name, Stages: file.Stages, Flows: file.Flows, Ideas: file.Ideas}}
	}
	count := 0
	for _, m := range maps {
		count += len(m.Stages)
	}
	if err := checkStageCount(r.file, count); err != nil {
		return nil, err
	}
	for i := range maps {
		m, err := r.buildMap(i, &maps[i], cal)
		if err != nil {
			return nil, err
		}
		m.ID = fmt.Sprintf("m%d", i+1)
		w.Maps = append(w.Maps, m)
	}
	if err := w.Validate(); err != nil {
		return nil, validationError(r.file, r.data, w, err, r.stagePath)
	}
	return w, nil
}

func (r *leadlineReader) calendar(in *leadlineCalendar) (workshop.Calendar, error) {
	cal := workshop.DefaultCalendar
	if in == nil {
		return cal, nil
	}
	if in.HoursPerDay != 0 {
		if !(in.HoursPerDay > 0 && in.HoursPerDay <= 24) {
			return cal, at(r.file, r.data, fmt.Sprintf("calendar field hoursPerDay %v: must be more than 0 and at most 24", in.HoursPerDay), "calendar", "hoursPerDay")
		}
		cal.HoursPerDay = in.HoursPerDay
	}
	if in.DaysPerWeek != 0 {
		if !(in.DaysPerWeek > 0 && in.DaysPerWeek <= 7) {
			return cal, at(r.file, r.data, fmt.Sprintf("calendar field daysPerWeek %v: must be more than 0 and at most 7", in.DaysPerWeek), "calendar", "daysPerWeek")
		}
		cal.DaysPerWeek = in.DaysPerWeek
	}
	return cal, nil
}

func (r *leadlineReader) mapPath(mapIndex int) []any {
	if r.shorthand {
		return nil
	}
	return []any{"maps", mapIndex}
}

func (r *leadlineReader) stagePath(mapIndex, stageIndex int) []any {
	return append(r.mapPath(mapIndex), "stages", stageIndex)
}

// where names the map (unless the file has only the shorthand map) and the stage.
func (r *leadlineReader) where(mapName, stageName string) string {
	if r.shorthand {
		return fmt.Sprintf("stage %q", stageName)
	}
	return fmt.Sprintf("map %q stage %q", mapName, stageName)
}

func (r *leadlineReader) buildMap(index int, in *leadlineMap, cal workshop.Calendar) (*workshop.Map, error) {
	m := &workshop.Map{Name: strings.TrimSpace(in.Name), Baseline: strings.TrimSpace(in.Baseline)}
	if m.Name == "" {
		m.Name = fmt.Sprintf("Map %d", index+1)
	}
	switch state := strings.ToLower(strings.TrimSpace(in.State)); state {
	case "", string(workshop.Current):
		m.State = workshop.Current
	case string(workshop.Future):
		m.State = workshop.Future
	default:
		return nil, at(r.file, r.data, fmt.Sprintf("map %q field state %q: must be current or future", m.Name, in.State), append(r.mapPath(index), "state")...)
	}
	for si := range in.Stages {
		s, err := r.buildStage(index, si, m.Name, &in.Stages[si], cal)
		if err != nil {
			return nil, err
		}
		m.Stages = append(m.Stages, s)
	}
	fillMissingIDs(m)
	refs := newStageResolver(m)
	for _, f := range in.Flows {
		m.Flows = append(m.Flows, workshop.Flow{
			From:          refs.resolve(f.From),
			To:            refs.resolve(f.To),
			Rework:        f.Rework,
			ReworkPercent: f.ReworkPercent,
		})
	}
	for _, idea := range in.Ideas {
		m.Ideas = append(m.Ideas, workshop.Idea{Stage: refs.resolve(idea.Stage), Text: idea.Text, Owner: idea.Owner})
	}
	m.Observed = in.Observed.model()
	return m, nil
}

func (r *leadlineReader) buildStage(mapIndex, stageIndex int, mapName string, in *leadlineStage, cal workshop.Calendar) (*workshop.Stage, error) {
	s := &workshop.Stage{
		ID:         in.ID,
		Name:       strings.TrimSpace(in.Name),
		Department: canonicalDepartment(in.Department),
		Notes:      in.Notes,
		X:          in.X,
		Y:          in.Y,
	}
	fail := func(field string, err error) error {
		path := append(r.stagePath(mapIndex, stageIndex), field)
		return at(r.file, r.data, fmt.Sprintf("%s field %s: %v", r.where(mapName, s.Name), field, err), path...)
	}
	var err error
	if s.Process, err = readDuration(in.Process, cal); err != nil {
		return nil, fail("process", err)
	}
	if s.Wait, err = readDuration(in.Wait, cal); err != nil {
		return nil, fail("wait", err)
	}
	if s.WaitRange, err = readRange(in.WaitRange, s.Wait, cal); err != nil {
		return nil, fail("waitRange", err)
	}
	if s.ProcessRange, err = readRange(in.ProcessRange, s.Process, cal); err != nil {
		return nil, fail("processRange", err)
	}
	if s.CA, s.HasCA, err = readCA(in.CA); err != nil {
		return nil, fail("ca", err)
	}
	if s.People, err = readPeople(in.People); err != nil {
		return nil, fail("people", err)
	}
	return s, nil
}

// nonEmpty keeps nil for an empty list, so that a file with "participants": [] and one
// without read back equal.
func nonEmpty(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	return list
}
