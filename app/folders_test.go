package app

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// openRecorder is a test app that notes the URLs it is asked to open with the system's viewer.
type openRecorder struct {
	fyne.App
	opened []*url.URL
}

func (a *openRecorder) OpenURL(u *url.URL) error {
	a.opened = append(a.opened, u)
	return nil
}

type locationRecorder struct{ location fyne.ListableURI }

func (d *locationRecorder) SetLocation(l fyne.ListableURI) { d.location = l }

// After the handout is saved the note offers "Open", which hands the PDF to the system's
// viewer; the next file dialog starts in the folder it was saved in.
func TestSavedHandoutOffersOpenAndItsFolderIsNext(t *testing.T) {
	a := &openRecorder{App: test.NewTempApp(t)}
	lib, _, _ := newTestLibrary(t)
	ui := New(a, Options{Library: lib})
	defer ui.shutdown()

	dir := filepath.Join(t.TempDir(), "Handouts Q3")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	target := storage.NewFileURI(filepath.Join(dir, "release.pdf"))
	wc, err := storage.Writer(target)
	if err != nil {
		t.Fatal(err)
	}
	ui.writeChosenFile(wc, nil, []byte("%PDF-1.4 test"), nil, true)
	status := ui.editor.status
	if !strings.Contains(status.label.Text, "release.pdf") || !status.action.Visible() || status.action.Text != "Open" {
		t.Fatalf("after saving: %q, action %q visible %v", status.label.Text, status.action.Text, status.action.Visible())
	}
	test.Tap(status.action)
	if len(a.opened) != 1 || a.opened[0].Scheme != "file" || !strings.HasSuffix(a.opened[0].Path, "/Handouts Q3/release.pdf") {
		t.Errorf("Open asked the system to open %v", a.opened)
	}
	if status.box.Visible() {
		t.Error("the note stays after Open")
	}

	d := &locationRecorder{}
	ui.startInLastFolder(d)
	if d.location == nil || d.location.Path() != dir {
		t.Errorf("the next dialog starts in %v, want %s", d.location, dir)
	}
	// A folder that has gone since is not offered.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	d = &locationRecorder{}
	ui.startInLastFolder(d)
	if d.location != nil {
		t.Errorf("a removed folder was offered: %v", d.location)
	}
	// JSON exports offer no Open.
	wc, err = storage.Writer(storage.NewFileURI(filepath.Join(t.TempDir(), "w.json")))
	if err != nil {
		t.Fatal(err)
	}
	ui.writeChosenFile(wc, nil, []byte("{}"), nil, false)
	if status.action.Visible() {
		t.Error("a JSON export offers Open")
	}
}
