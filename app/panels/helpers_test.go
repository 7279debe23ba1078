package panels

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// findRemoveButton returns the first button inside a container tree.
func findRemoveButton(t *testing.T, root fyne.CanvasObject) fyne.Tappable {
	t.Helper()
	var walk func(o fyne.CanvasObject) fyne.Tappable
	walk = func(o fyne.CanvasObject) fyne.Tappable {
		switch b := o.(type) {
		case *widget.Button:
			return b
		case *TipButton:
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
