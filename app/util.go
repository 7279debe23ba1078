package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
)

func itoa(n int) string { return strconv.Itoa(n) }

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
