package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// Leadline.exe is a GUI-subsystem program (fyne package links it with -H=windowsgui), so
// double-clicking it opens no console window. The price is that Windows gives it no console
// either, and `leadline.exe metrics FILE` typed in cmd.exe or PowerShell would print nothing:
// attachConsole borrows the console of the shell that started it.

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// consoleAttached is set when the output goes to a console someone is reading.
var consoleAttached bool

// attachConsole connects stdin, stdout and stderr that lead nowhere to the parent's console.
// Handles that already lead somewhere (`leadline.exe list > list.txt`, a pipe) are kept.
// Started without arguments (double-click, Start menu) it does nothing: the window is all.
func attachConsole(args []string) {
	if len(args) == 0 {
		return
	}
	streams := []struct {
		std  uint32
		file **os.File
		name string
		mode int
	}{
		{windows.STD_INPUT_HANDLE, &os.Stdin, "CONIN$", os.O_RDWR},
		{windows.STD_OUTPUT_HANDLE, &os.Stdout, "CONOUT$", os.O_RDWR},
		{windows.STD_ERROR_HANDLE, &os.Stderr, "CONOUT$", os.O_RDWR},
	}
	missing := false
	for _, s := range streams {
		missing = missing || !handleInUse(s.std)
	}
	if !missing {
		consoleAttached = true
		return
	}
	// Fails when the parent has no console (Explorer, a shortcut with arguments): the window,
	// or showFatal's message box, is then the only way to tell the user anything.
	if ok, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); ok == 0 {
		return
	}
	consoleAttached = true
	for _, s := range streams {
		if handleInUse(s.std) {
			continue
		}
		f, err := os.OpenFile(s.name, s.mode, 0)
		if err != nil {
			continue
		}
		*s.file = f
		_ = windows.SetStdHandle(s.std, windows.Handle(f.Fd()))
	}
}

// handleInUse tells whether a standard handle leads to a file, pipe or console.
func handleInUse(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	kind, err := windows.GetFileType(h)
	return err == nil && kind != windows.FILE_TYPE_UNKNOWN
}

// showFatal puts a message that ends the program in a message box when nobody reads the
// console: a double-clicked Leadline.exe that cannot open its window would otherwise vanish
// without a word.
func showFatal(msg string) {
	if consoleAttached {
		return
	}
	text, err1 := windows.UTF16PtrFromString(msg)
	caption, err2 := windows.UTF16PtrFromString("Leadline")
	if err1 != nil || err2 != nil {
		return
	}
	_, _ = windows.MessageBox(0, text, caption, windows.MB_OK|windows.MB_ICONERROR)
}
