package app

import "fyne.io/fyne/v2"

// What the window remembers between runs is kept in the library (workshop/store/settings.go),
// whose transactions a crash cannot tear: its size and the folder files were last used in.
const (
	settingWindowSize = "window.size"  // "1440x900", in Fyne units
	settingFolder     = "files.folder" // a local path
)

// setting reads a remembered setting; "" when there is none, or no library to keep it.
func (ui *App) setting(key string) string {
	if ui.lib == nil {
		return ""
	}
	value, _, err := ui.lib.Setting(key)
	if err != nil {
		fyne.LogError("read setting "+key, err)
	}
	return value
}

// remember keeps a setting for the next start; failing that is logged, not shown: it costs a
// window size, not work.
func (ui *App) remember(key, value string) {
	if ui.lib == nil {
		return
	}
	if old, found, err := ui.lib.Setting(key); err == nil && found && old == value {
		return
	}
	if err := ui.lib.SetSetting(key, value); err != nil {
		fyne.LogError("remember setting "+key, err)
	}
}
