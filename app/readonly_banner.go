package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// readOnlyBanner tells, above the map, that the library cannot be written: the workshop can be
// shown, presented and exported, but no edit is kept. It stays until another library is used.
type readOnlyBanner struct {
	label *widget.Label
	box   *fyne.Container
}

func newReadOnlyBanner() *readOnlyBanner {
	b := &readOnlyBanner{label: widget.NewLabel("")}
	b.label.Importance = widget.WarningImportance
	b.label.Wrapping = fyne.TextWrapWord
	b.box = container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, b.label)
	b.box.Hide()
	return b
}

// show shows or hides the banner for the library at path.
func (b *readOnlyBanner) show(readOnly bool, path string) {
	if !readOnly {
		b.box.Hide()
		return
	}
	b.label.SetText(fmt.Sprintf("Read-only library: %s cannot be written. You can show, present and export this workshop; changes are not saved.", path))
	b.box.Show()
}
