//go:build !windows

package main

// attachConsole is needed on Windows only, where Leadline.exe is a GUI program without a
// console of its own (see console_windows.go); elsewhere the terminal is inherited.
func attachConsole([]string) {}

// showFatal adds nothing outside Windows: the line on stderr is what a terminal, a .desktop
// launcher's log or the macOS Console shows.
func showFatal(string) {}
