//go:build unix

package store

import (
	"errors"
	"syscall"
)

// processAlive tells whether a process with that id runs; signal 0 checks without signalling.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
