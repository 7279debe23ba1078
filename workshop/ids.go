package workshop

import (
	"crypto/rand"
	"encoding/hex"
)

// NewStageID returns an ID no stage of the map has: "s" and 8 random hex digits. It is random,
// not "the next free number in my copy", because two processes editing one workshop each hold
// a copy: numbered ids would collide and one writer's stage would overwrite the other's.
func (m *Map) NewStageID() string {
	return freshID("s", func(id string) bool { return m.Stage(id) != nil })
}

// NewMapID returns an ID no map of the workshop has, random for the same reason as stage ids.
func (w *Workshop) NewMapID() string {
	return freshID("m", func(id string) bool { return w.MapByID(id) != nil })
}

func freshID(prefix string, taken func(string) bool) string {
	for {
		var b [4]byte
		_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
		if id := prefix + hex.EncodeToString(b[:]); !taken(id) {
			return id
		}
	}
}
