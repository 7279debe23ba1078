package formats

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"leadline.app/leadline/workshop"
)

// The shape Norn (github.com/bdfinst/vsm-workshop) writes from "Export JSON": one value
// stream with id, name, description, steps, connections, createdAt and updatedAt. Steps also
// carry type, queueSize, batchSize and tools, and newer builds add readinessOverrides, dora,
// annotations and baseline at the top; Leadline has no place for those and ignores them.
type nornFile struct {
	Name        string           `json:"name"`
	Title       string           `json:"title"`
	Description string           `json:"description"`
	Steps       []nornStep       `json:"steps"`
	Connections []nornConnection `json:"connections"`
}

type nornStep struct {
	ID                      json.RawMessage `json:"id"`
	Name                    string          `json:"name"`
	Type                    string          `json:"type"`
	Description             string          `json:"description"`
	ProcessTime             json.RawMessage `json:"processTime"`
	LeadTime                json.RawMessage `json:"leadTime"`
	PercentCompleteAccurate json.RawMessage `json:"percentCompleteAccurate"`
	PeopleCount             json.RawMessage `json:"peopleCount"`
	Position                *struct {
		X float64 `json:"x"`
		Y float64 `json:"y"`
	} `json:"position"`
}

type nornConnection struct {
	Source     json.RawMessage `json:"source"`
	Target     json.RawMessage `json:"target"`
	Type       string          `json:"type"`
	ReworkRate json.RawMessage `json:"reworkRate"`
}

// nornDepartments maps Norn's step types to Leadline departments, so that the department
// totals say something for an imported map. "custom" (Norn's default) says nothing.
var nornDepartments = map[string]string{
	"planning":    "Product",
	"development": "Development",
	"code_review": "Development",
	"testing":     "QA",
	"qa":          "QA",
	"staging":     "Operations",
	"deployment":  "Operations",
	"monitoring":  "Operations",
}

// ParseNorn reads Norn's JSON export and returns a validated one-map workshop. Norn keeps
// lead time (which includes process time) per step; Leadline keeps wait = lead − process.
func ParseNorn(name string, data []byte) (*workshop.Workshop, error) {
	if err := checkSize(name, len(data)); err != nil {
		return nil, err
	}
	data, err := readText(name, data)
	if err != nil {
		return nil, err
	}
	// Norn's own tool writes these files, with fields Leadline has no place for: lenient.
	if err := checkShape(name, data, reflect.TypeFor[nornFile](), false); err != nil {
		return nil, err
	}
	var file nornFile
	if err := json.Unmarshal(data, &file); err != nil {
		located := describeJSONError(data, err)
		located.File = name
		return nil, located
	}
	if err := checkStageCount(name, len(file.Steps)); err != nil {
		return nil, err
	}
	title := strings.TrimSpace(file.Name)
	if title == "" {
		title = strings.TrimSpace(file.Title)
	}
	if title == "" {
		title = nameFromFile(name)
	}
	w := workshop.NewWorkshop(title)
	w.Notes = file.Description
	m := &workshop.Map{ID: "m1", Name: title, State: workshop.Current}
	for i := range file.Steps {
		s, err := nornStage(name, data, i, &file.Steps[i])
		if err != nil {
			return nil, err
		}
		m.Stages = append(m.Stages, s)
	}
	fillMissingIDs(m)
	refs := newStageResolver(m)
	for i, c := range file.Connections {
		f, err := nornFlow(name, data, i, refs, &c)
		if err != nil {
			return nil, err
		}
		m.Flows = append(m.Flows, f)
	}
	w.Maps = []*workshop.Map{m}
	if err := w.Validate(); err != nil {
		return nil, validationError(name, data, w, err, func(_, stageIndex int) []any { return []any{"steps", stageIndex} })
	}
	return w, nil
}

func nornStage(file string, data []byte, index int, in *nornStep) (*workshop.Stage, error) {
	s := &workshop.Stage{
		Name:       strings.TrimSpace(in.Name),
		Department: nornDepartments[strings.ToLower(strings.TrimSpace(in.Type))],
		Notes:      in.Description,
	}
	if in.Position != nil {
		s.X, s.Y = in.Position.X, in.Position.Y
	}
	fail := func(field, msg string) error {
		return at(file, data, fmt.Sprintf("step %q field %s: %s", s.Name, field, msg), "steps", index, field)
	}
	id, err := readID(in.ID)
	if err != nil {
		return nil, fail("id", err.Error())
	}
	s.ID = id
	process, _, err := readNumber(in.ProcessTime)
	if err != nil {
		return nil, fail("processTime", err.Error())
	}
	lead, hasLead, err := readNumber(in.LeadTime)
	if err != nil {
		return nil, fail("leadTime", err.Error())
	}
	if process < 0 {
		return nil, fail("processTime", fmt.Sprintf("%v must not be negative", process))
	}
	if !hasLead {
		lead = process // no lead time recorded: nothing is known to wait
	}
	if lead < process {
		return nil, at(file, data, fmt.Sprintf("step %q fields leadTime %v and processTime %v: lead time includes process time, so it cannot be shorter", s.Name, lead, process), "steps", index)
	}
	s.Process, s.Wait = process, lead-process
	if s.CA, s.HasCA, err = readCA(in.PercentCompleteAccurate); err != nil {
		return nil, fail("percentCompleteAccurate", err.Error())
	}
	if s.People, err = readPeople(in.PeopleCount); err != nil {
		return nil, fail("peopleCount", err.Error())
	}
	return s, nil
}

func nornFlow(file string, data []byte, index int, refs stageResolver, in *nornConnection) (workshop.Flow, error) {
	fail := func(field, msg string) error {
		return at(file, data, fmt.Sprintf("connection %d field %s: %s", index+1, field, msg), "connections", index, field)
	}
	source, err := readID(in.Source)
	if err != nil {
		return workshop.Flow{}, fail("source", err.Error())
	}
	target, err := readID(in.Target)
	if err != nil {
		return workshop.Flow{}, fail("target", err.Error())
	}
	f := workshop.Flow{From: refs.resolve(source), To: refs.resolve(target)}
	switch kind := strings.ToLower(strings.TrimSpace(in.Type)); kind {
	case "", "forward":
	case "rework":
		f.Rework = true
	default:
		return workshop.Flow{}, fail("type", fmt.Sprintf("%q must be forward or rework", in.Type))
	}
	rate, _, err := readNumber(in.ReworkRate)
	if err == nil && !(rate >= 0 && rate <= 100) {
		err = fmt.Errorf("%v must be between 0 and 100", rate)
	}
	if err != nil {
		return workshop.Flow{}, fail("reworkRate", err.Error())
	}
	f.ReworkPercent = rate
	return f, nil
}
