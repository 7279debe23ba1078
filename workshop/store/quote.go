package store

import "path/filepath"

// quotePath puts a file name in a message as the platform writes it, between typographic
// quotes: C:\Users\Ana\library.db stays that, where Go's %q would double every backslash.
func quotePath(path string) string { return "“" + filepath.FromSlash(path) + "”" }
