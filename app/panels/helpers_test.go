package panels

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// findRemoveButton returns the first button inside a container tree.
func findRemoveButton(t *testing.T, root fyne.CanvasObject) *widget.Button {
	t.Helper()
	var walk func(o fyne.CanvasObject) *widget.Button
	walk = func(o fyne.CanvasObject) *widget.Button {
		if b, ok := o.(*widget.Button); ok {
			return b
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				if b := walk(child); b != nil {
					return b
				}
			}
		}
		return nil
	}
	b := walk(root)
	if b == nil {
		t.Fatal("no button found")
	}
	return b
}
