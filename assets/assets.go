// Package assets embeds what Leadline ships inside its binary: the handout fonts, the app icon
// and the sample workshops seeded into a new library. It imports nothing of the project.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
)

//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte

//go:embed icon.png
var Icon []byte

//go:embed samples/*.json
var samples embed.FS

// Sample is one sample workshop file, in Leadline JSON.
type Sample struct {
	File string
	Data []byte
}

// Samples returns the sample workshops in file-name order, which is the order they are seeded.
func Samples() []Sample {
	names, _ := fs.Glob(samples, "samples/*.json")
	sort.Strings(names)
	out := make([]Sample, 0, len(names))
	for _, name := range names {
		data, err := samples.ReadFile(name)
		if err == nil {
			out = append(out, Sample{File: path.Base(name), Data: data})
		}
	}
	return out
}
