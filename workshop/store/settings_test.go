package store_test

import "testing"

// Settings survive closing and reopening the library, and a missing one says so.
func TestSettingsPersist(t *testing.T) {
	path := newLibraryPath(t)
	lib := openLibrary(t, path)
	if _, found, err := lib.Setting("window.size"); err != nil || found {
		t.Fatalf("a new library has window.size: found %v, err %v", found, err)
	}
	for _, v := range []string{"1280x720", "1440x900"} {
		if err := lib.SetSetting("window.size", v); err != nil {
			t.Fatal(err)
		}
	}
	lib.Close()
	lib = openLibrary(t, path)
	if got, found, err := lib.Setting("window.size"); err != nil || !found || got != "1440x900" {
		t.Errorf("window.size = %q, %v, %v; want the last value stored", got, found, err)
	}
}
