package workshop

import "strconv"

// NewStageID returns an ID no stage of the map has yet: "s1", "s2", …
func (m *Map) NewStageID() string {
	taken := make(map[string]bool, len(m.Stages))
	for _, s := range m.Stages {
		taken[s.ID] = true
	}
	return freshID("s", len(m.Stages)+1, taken)
}

// NewMapID returns an ID no map of the workshop has yet: "m1", "m2", …
func (w *Workshop) NewMapID() string {
	taken := make(map[string]bool, len(w.Maps))
	for _, m := range w.Maps {
		taken[m.ID] = true
	}
	return freshID("m", len(w.Maps)+1, taken)
}

func freshID(prefix string, start int, taken map[string]bool) string {
	for n := start; ; n++ {
		if id := prefix + strconv.Itoa(n); !taken[id] {
			return id
		}
	}
}
