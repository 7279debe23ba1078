//go:build windows

package store

import "os"

// processAlive tells whether a process with that id runs: on Windows, FindProcess opens the
// process and fails when there is none.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
