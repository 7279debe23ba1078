package workshop

import (
	"strings"
	"unicode"
)

// SplitDepartmentTag reads a department typed into a stage name as one "@" word, as the
// on-card editor takes it: "Budget approval @fin 2h 3w" is the name "Budget approval 2h 3w"
// (times are read after this, by SplitQuickEntry) in Finance. The word matches a known
// department by name or by the start of one, ignoring case, the first known in list order
// winning; a word that matches none ("@Facilities") names a new department as typed. ok is
// false when there is no "@" word, or it would leave no name.
func SplitDepartmentTag(text string, known []string) (rest, department string, ok bool) {
	words := strings.FieldsFunc(text, unicode.IsSpace)
	tag := -1
	for i, w := range words {
		if len(w) > 1 && strings.HasPrefix(w, "@") {
			tag = i
		}
	}
	if tag < 0 || len(words) == 1 {
		return text, "", false
	}
	typed := words[tag][1:]
	department = typed
	for _, name := range known {
		if strings.HasPrefix(strings.ToLower(name), strings.ToLower(typed)) {
			department = name
			break
		}
	}
	rest = strings.Join(append(words[:tag:tag], words[tag+1:]...), " ")
	return rest, department, true
}

// DepartmentNames lists the palette's departments, then the others a map uses, once each:
// what a department tag is matched against.
func DepartmentNames(m *Map) []string {
	var names []string
	seen := map[string]bool{}
	add := func(name string) {
		if key := strings.ToLower(strings.TrimSpace(name)); key != "" && !seen[key] {
			seen[key] = true
			names = append(names, name)
		}
	}
	for _, d := range Departments {
		add(d.Name)
	}
	if m != nil {
		for _, s := range m.Stages {
			add(s.Department)
		}
	}
	return names
}
