# Leadline's build. The README's two commands are `make run` and `make test`; both set up
# whatever is missing first, so a fresh Debian machine needs nothing else.
SHELL := /bin/bash
export LANG := en_US.UTF-8
export CGO_ENABLED := 1

GO ?= go
BIN := bin/leadline
# Build needs the first six; the tests also drive a real window, read PDFs back and read the
# room view's screenshots with OCR.
APT_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev \
	xvfb xdotool x11-utils poppler-utils imagemagick tesseract-ocr
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOBIN := $(shell $(GO) env GOPATH)/bin

.PHONY: setup build run test lint bench e2e fuzz package fyne-tool release release-macos clean

setup:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "setup: installing $$missing"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@[ -x $(GOBIN)/staticcheck ] && $(GOBIN)/staticcheck -version 2>/dev/null | grep -q '0.8.2' \
		|| { echo "setup: installing staticcheck"; $(GO) install $(STATICCHECK); }
	@$(GO) mod download

build: setup
	$(GO) build -o $(BIN) ./cmd/leadline

run: build
	./$(BIN)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); [ -z "$$out" ] || { echo "gofmt needed: $$out"; exit 1; }
	$(GO) vet ./...
	$(GOBIN)/staticcheck ./...

# Unit, widget, store and handout tests, the fuzz seed corpora, the crash and two-process tests
# on the built binary, then the real-window test.
test: setup lint build
	LEADLINE_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 ./...
	$(GO) test -count=1 -race ./workshop/store/ ./workshop/session/ ./app/ ./app/panels/ ./app/room/ ./canvas/
	$(MAKE) --no-print-directory e2e

e2e: build
	LEADLINE_E2E=1 LEADLINE_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -run 'TestRealWindow' -v ./cmd/leadline/

bench: setup
	@bash cmd/leadline/testdata/bench.sh

# Each import format, the duration parser and quick entry, FUZZTIME each (default 60s).
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParseDuration$$' -fuzztime $(FUZZTIME) ./workshop/
	$(GO) test -run '^$$' -fuzz '^FuzzSplitQuickEntry$$' -fuzztime $(FUZZTIME) ./workshop/
	$(GO) test -run '^$$' -fuzz '^FuzzLeadlineJSON$$' -fuzztime $(FUZZTIME) ./workshop/formats/
	$(GO) test -run '^$$' -fuzz '^FuzzNornJSON$$' -fuzztime $(FUZZTIME) ./workshop/formats/
	$(GO) test -run '^$$' -fuzz '^FuzzTimemapCSV$$' -fuzztime $(FUZZTIME) ./workshop/formats/
	$(GO) test -run '^$$' -fuzz '^FuzzEventLog$$' -fuzztime $(FUZZTIME) ./workshop/formats/

# fyne package reads FyneApp.toml (ID, name, version, icon) from this folder and wraps the
# binary built above; it writes Leadline.tar.xz here. The fyne tool is pinned to the library's
# version and installed on first use (it is not needed to build or test).
FYNE_TOOL := fyne.io/fyne/v2/cmd/fyne@v2.8.1
package: build fyne-tool
	$(GOBIN)/fyne package -os linux -executable $(BIN)

fyne-tool:
	@[ -x $(GOBIN)/fyne ] || { echo "installing the fyne tool"; $(GO) install $(FYNE_TOOL); }

# The release builds take their version from FyneApp.toml and leave it as it was: fyne package
# bumps Build there, so the Linux step restores the file, and the Windows step (run from
# cmd/leadline, where fyne reads no FyneApp.toml) is given every field as a flag.
APP_NAME := $(shell sed -n 's/^ *Name *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_ID := $(shell sed -n 's/^ *ID *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_BUILD := $(shell sed -n 's/^ *Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
APP_ICON := $(shell sed -n 's/^ *Icon *= *"\(.*\)"/\1/p' FyneApp.toml)
RELEASE_FLAGS := -trimpath -ldflags "-s -w"
WINDOWS_CC := x86_64-w64-mingw32-gcc
WINDOWS_ENV := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(WINDOWS_CC)

# dist/: Leadline.tar.xz (Linux, as make package but stripped) and Leadline.exe (Windows amd64,
# GUI subsystem, icon and version resources), then proof that the domain tests compile for
# Windows, and run them under Wine where it is installed (never required).
release: setup fyne-tool
	@command -v $(WINDOWS_CC) >/dev/null || { echo "release: installing gcc-mingw-w64-x86-64"; \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gcc-mingw-w64-x86-64 >/dev/null; }
	@mkdir -p dist
	$(GO) build $(RELEASE_FLAGS) -o dist/leadline ./cmd/leadline
	@cp FyneApp.toml dist/.FyneApp.toml.orig
	$(GOBIN)/fyne package -os linux -executable dist/leadline; rc=$$?; \
		cp dist/.FyneApp.toml.orig FyneApp.toml; rm -f dist/.FyneApp.toml.orig dist/leadline; \
		[ $$rc = 0 ] && mv Leadline.tar.xz dist/
	cd cmd/leadline && $(WINDOWS_ENV) $(GOBIN)/fyne package -os windows -release -src . \
		-icon ../../$(APP_ICON) -name $(APP_NAME) -appID $(APP_ID) \
		-appVersion $(APP_VERSION) -appBuild $(APP_BUILD)
	mv cmd/leadline/$(APP_NAME).exe dist/
	@bash build/windows/check-exe.sh dist/$(APP_NAME).exe $(APP_VERSION).$(APP_BUILD)
	$(WINDOWS_ENV) $(GO) test -c -o bin/windows-tests/ ./workshop/...
	@bash build/windows/wine-tests.sh bin/windows-tests
	@ls -l dist

# macOS, on a Mac only: Linux has no macOS SDK to link the cgo OpenGL driver against. Builds
# arm64 and amd64, joins them with lipo, wraps them with fyne package, raises the minimum macOS
# in Info.plist to what Go 1.26 needs (fyne writes 10.11), and signs and notarises when the
# owner's Developer ID is given: MACOS_SIGN_IDENTITY="Developer ID Application: … (TEAMID)" and
# MACOS_NOTARY_PROFILE (a `xcrun notarytool store-credentials` profile). README, Releases.
MACOS_MIN := 12.0
MACOS_ENV = CGO_ENABLED=1 GOOS=darwin GOARCH=$(1) MACOSX_DEPLOYMENT_TARGET=$(MACOS_MIN) \
	CGO_CFLAGS=-mmacosx-version-min=$(MACOS_MIN) CGO_LDFLAGS=-mmacosx-version-min=$(MACOS_MIN)
release-macos: fyne-tool
	@[ "$$(uname -s)" = Darwin ] || { echo "release-macos: macOS builds are made on a Mac (README, Releases)"; exit 1; }
	@mkdir -p dist/macos
	$(call MACOS_ENV,arm64) $(GO) build $(RELEASE_FLAGS) -o dist/macos/leadline-arm64 ./cmd/leadline
	$(call MACOS_ENV,amd64) $(GO) build $(RELEASE_FLAGS) -o dist/macos/leadline-amd64 ./cmd/leadline
	lipo -create -output dist/macos/leadline dist/macos/leadline-arm64 dist/macos/leadline-amd64
	@cp FyneApp.toml dist/.FyneApp.toml.orig
	$(GOBIN)/fyne package -os darwin -executable dist/macos/leadline; rc=$$?; \
		cp dist/.FyneApp.toml.orig FyneApp.toml; rm -f dist/.FyneApp.toml.orig; [ $$rc = 0 ]
	plutil -replace LSMinimumSystemVersion -string $(MACOS_MIN) $(APP_NAME).app/Contents/Info.plist
	rm -rf dist/$(APP_NAME).app && mv $(APP_NAME).app dist/
	@if [ -n "$(MACOS_SIGN_IDENTITY)" ]; then \
		codesign --force --options runtime --timestamp --sign "$(MACOS_SIGN_IDENTITY)" dist/$(APP_NAME).app && \
		ditto -c -k --keepParent dist/$(APP_NAME).app dist/$(APP_NAME)-macos.zip && \
		xcrun notarytool submit dist/$(APP_NAME)-macos.zip --keychain-profile "$(MACOS_NOTARY_PROFILE)" --wait && \
		xcrun stapler staple dist/$(APP_NAME).app; \
	else echo "release-macos: not signed (MACOS_SIGN_IDENTITY unset); Gatekeeper will refuse it on other Macs"; fi
	ditto -c -k --keepParent dist/$(APP_NAME).app dist/$(APP_NAME)-macos.zip
	@ls -l dist

clean:
	rm -rf bin dist
