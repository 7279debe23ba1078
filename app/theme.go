package app

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// themeChoice forces a light or dark variant of Fyne's theme; presenter mode also scales
// type up and sharpens contrast so the back of the room can read it.
type themeChoice struct {
	variant   fyne.ThemeVariant
	projector bool
}

var _ fyne.Theme = (*themeChoice)(nil)

func (t *themeChoice) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if t.projector {
		switch name {
		case theme.ColorNameForeground:
			if t.variant == theme.VariantDark {
				return color.White
			}
			return color.Black
		case theme.ColorNameBackground:
			if t.variant == theme.VariantDark {
				return color.Black
			}
			return color.White
		}
	}
	return theme.DefaultTheme().Color(name, t.variant)
}

func (t *themeChoice) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *themeChoice) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// projectorScale enlarges text and padding in presenter mode: 1920×1080 read from 8 m.
const projectorScale = 1.5

func (t *themeChoice) Size(n fyne.ThemeSizeName) float32 {
	size := theme.DefaultTheme().Size(n)
	if t.projector {
		switch n {
		case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
			theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
			return size * projectorScale
		}
	}
	return size
}

// darkThemeSetting is where the theme choice is kept: in the library, whose transactions a
// crash cannot tear, not in Fyne's preferences file, which a killed app once left empty.
const darkThemeSetting = "theme.dark"

// applyTheme sets the app theme from the chosen variant and presenter state.
func (ui *App) applyTheme() {
	ui.fyneApp.Settings().SetTheme(&themeChoice{variant: ui.themeVariant, projector: ui.presenting && ui.roomWindow == nil})
}

// toggleDark switches between the light and the dark theme.
func (ui *App) toggleDark() {
	if ui.themeVariant == theme.VariantDark {
		ui.themeVariant = theme.VariantLight
	} else {
		ui.themeVariant = theme.VariantDark
	}
	if ui.lib != nil {
		if err := ui.lib.SetSetting(darkThemeSetting, strconv.FormatBool(ui.themeVariant == theme.VariantDark)); err != nil {
			ui.showError(err)
		}
	}
	ui.applyTheme()
	if e := ui.editor; e != nil && e.session != nil {
		mt, err := e.session.metrics()
		e.refreshFigures(mt, err) // the totals pill keeps colours read from the theme
	}
}
