package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"leadline.app/leadline/assets"
	"leadline.app/leadline/workshop/formats"
)

// What the OCR measures, and why it stands for "28 px names": tesseract's word box (column 10
// of its TSV, the height) of a word made of capitals and letters no taller than them (e.g.
// "PM", "Customer": no ascender b d f h k l, no descender g j p q y) is the rendered cap
// height. Fyne's default font (Noto Sans) has a cap height of 0.714 em, so a name drawn at
// font size S shows caps 0.714·S tall: 28 px names need caps of at least 20 px at 1920×1080,
// and the 720p rule (19 px names) needs 13.5 px.
const capHeightPerEm = 0.714

// TestRealWindowRoom opens the 16-stage "Idea to customer" sample straight into the room view
// (`--workshop 1 --present`) full screen under Xvfb, at 1920×1080 and at 1280×720, and reads
// the stage names back from a screenshot with tesseract.
func TestRealWindowRoom(t *testing.T) {
	if os.Getenv("LEADLINE_E2E") == "" {
		t.Skip("set LEADLINE_E2E=1 and LEADLINE_BIN (make e2e) to drive a real window")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run make setup", tool)
		}
	}
	words := capHeightWords(t)
	for _, screen := range []struct {
		geometry string
		minName  float64
	}{{"1920x1080x24", 28}, {"1280x720x24", 19}} {
		t.Run(screen.geometry, func(t *testing.T) {
			env, dir := roomEnv(t, screen.geometry)
			stop := startApp(t, env, dir, "--db", filepath.Join(dir, "library.db"), "--workshop", "1", "--present")
			defer stop()
			x := xdotool{t: t, env: env}
			x.run("search", "--sync", "--onlyvisible", "--name", "^Leadline")
			time.Sleep(3 * time.Second)
			shot := artifactPath(t, "room-"+strings.Split(screen.geometry, "x")[1]+"p.png")
			x.screenshot(shot)
			heights := ocrHeights(t, shot, words)
			if len(heights) < 2 {
				t.Fatalf("OCR found %d of the cap-height words %v in %s", len(heights), words, shot)
			}
			want := capHeightPerEm * screen.minName
			for word, h := range heights {
				t.Logf("%q cap height %d px: a font of about %.1f px", word, h, float64(h)/capHeightPerEm)
				if float64(h) < want-0.5 {
					t.Errorf("stage-name word %q has caps %d px tall, below %.1f px (%.0f px font)", word, h, want, screen.minName)
				}
			}
		})
	}
}

// TestRealWindowRoomOwnWindow turns the "Own window" setting on and presents on one wide
// screen: the editor keeps the main window, the room view opens in a second one beside it,
// and a stage dropped and named in the editor shows in the room window at once.
func TestRealWindowRoomOwnWindow(t *testing.T) {
	if os.Getenv("LEADLINE_E2E") == "" {
		t.Skip("set LEADLINE_E2E=1 and LEADLINE_BIN (make e2e) to drive a real window")
	}
	env, dir := roomEnv(t, "3520x1080x24")
	db := filepath.Join(dir, "library.db")
	lib, err := openLibrary(db) // a new library, seeded with the samples as the app would
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.SetSetting("room.ownWindow", "true"); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	stop := startApp(t, env, dir, "--db", db, "--workshop", "1", "--present")
	defer stop()
	x := xdotool{t: t, env: env}
	room := strings.Fields(x.run("search", "--sync", "--onlyvisible", "--name", "room view"))[0]
	editor := ""
	for tries := 0; editor == "" && tries < 50; tries++ {
		for _, id := range strings.Fields(x.run("search", "--sync", "--onlyvisible", "--name", "^Leadline")) {
			if id != room {
				editor = id
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	if editor == "" {
		t.Fatal("only the room window is on screen; the editor window is missing")
	}
	x.run("windowmove", editor, "0", "0")
	x.run("windowsize", editor, "1600", "1000")
	x.run("windowmove", room, "1600", "0")
	x.run("windowsize", room, "1920", "1080")
	time.Sleep(3 * time.Second)
	x.screenshot(artifactPath(t, "room-own-window-before.png"))
	if title := x.run("getwindowname", editor); !strings.Contains(title, "Idea to customer") {
		t.Errorf("editor window title %q does not name the workshop", title)
	}

	// The same gesture as TestRealWindow: drag Marketing from the palette, name the stage.
	x.dropMarketing(x.geometry(editor))
	x.run("key", "ctrl+a")
	x.run("type", "--delay", "40", "Webinar Rehearsal")
	x.run("key", "Tab")
	time.Sleep(2500 * time.Millisecond)
	shot := artifactPath(t, "room-own-window.png")
	x.screenshot(shot)
	words := capHeightWords(t)
	words["Rehearsal"] = true
	heights := ocrHeights(t, shot, words)
	if heights["Rehearsal"] == 0 {
		t.Errorf("the stage named in the editor does not show in the room window; see %s", shot)
	}
	if len(heights) < 3 {
		t.Errorf("OCR read %d stage-name words in the room window; see %s", len(heights), shot)
	}
}

// roomEnv is appEnv on a display of its own of the given size.
func roomEnv(t *testing.T, geometry string) ([]string, string) {
	t.Helper()
	return appEnv(t, startXvfbSized(t, geometry))
}

// startApp runs the built binary until the returned stop is called.
func startApp(t *testing.T, env []string, dir string, args ...string) func() {
	t.Helper()
	app := exec.Command(os.Getenv("LEADLINE_BIN"), args...)
	app.Env = env
	logFile, err := os.Create(filepath.Join(dir, "app.log"))
	if err != nil {
		t.Fatal(err)
	}
	app.Stdout, app.Stderr = logFile, logFile
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	return func() { _ = app.Process.Kill(); _, _ = app.Process.Wait(); logFile.Close() }
}

// capHeightWords are the words of the sample's stage names whose box height is their cap
// height (see capHeightPerEm), leaving out words that also name a department: those are
// printed smaller on the cards' bands.
func capHeightWords(t *testing.T) map[string]bool {
	t.Helper()
	var data []byte
	for _, s := range assets.Samples() {
		if s.File == "1-idea-to-customer.json" {
			data = s.Data
		}
	}
	w, err := formats.ParseLeadline("1-idea-to-customer.json", data)
	if err != nil {
		t.Fatal(err)
	}
	departments := map[string]bool{}
	for _, s := range w.Maps[0].Stages {
		for _, word := range strings.Fields(s.Department) {
			departments[word] = true
		}
	}
	words := map[string]bool{}
	for _, s := range w.Maps[0].Stages {
		for _, word := range strings.Fields(s.Name) {
			if !departments[word] && isCapHeightWord(word) {
				words[word] = true
			}
		}
	}
	return words
}

func isCapHeightWord(word string) bool {
	if word == "" || word[0] < 'A' || word[0] > 'Z' || strings.ContainsAny(word[:1], "QJ") {
		return false
	}
	for _, r := range word[1:] {
		if !strings.ContainsRune("ABCDEFGHIKLMNOPRSTUVWXYZacemnorsuvwxz", r) {
			return false
		}
	}
	return true
}

// ocrHeights runs tesseract on a screenshot and returns, for each wanted word it read with
// confidence, the largest box height: a word may also appear smaller elsewhere.
func ocrHeights(t *testing.T, shot string, words map[string]bool) map[string]int {
	t.Helper()
	heights := map[string]int{}
	for _, w := range ocrWords(t, shot) {
		if words[w.text] && w.confidence >= 60 && w.height > heights[w.text] {
			heights[w.text] = w.height
		}
	}
	found := make([]string, 0, len(heights))
	for w := range heights {
		found = append(found, w)
	}
	sort.Strings(found)
	t.Logf("OCR of %s found %v", shot, found)
	return heights
}

// ocrWord is one word tesseract read, with its box in screen pixels.
type ocrWord struct {
	text                     string
	left, top, width, height int
	confidence               float64
}

// ocrWords runs tesseract on a screenshot (sparse text, TSV output beside it) and returns the
// words it read, in its order.
func ocrWords(t *testing.T, shot string) []ocrWord {
	t.Helper()
	base := strings.TrimSuffix(shot, ".png") + "-ocr"
	if out, err := exec.Command("tesseract", shot, base, "--psm", "11", "tsv").CombinedOutput(); err != nil {
		t.Fatalf("tesseract: %v\n%s", err, out)
	}
	data, err := os.ReadFile(base + ".tsv")
	if err != nil {
		t.Fatal(err)
	}
	var words []ocrWord
	for _, line := range strings.Split(string(data), "\n")[1:] {
		cols := strings.Split(line, "\t")
		if len(cols) < 12 || strings.TrimSpace(cols[11]) == "" {
			continue
		}
		w := ocrWord{text: cols[11]}
		w.left, _ = strconv.Atoi(cols[6])
		w.top, _ = strconv.Atoi(cols[7])
		w.width, _ = strconv.Atoi(cols[8])
		w.height, _ = strconv.Atoi(cols[9])
		w.confidence, _ = strconv.ParseFloat(cols[10], 64)
		words = append(words, w)
	}
	return words
}
