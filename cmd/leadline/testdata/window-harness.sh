# window-harness.sh: sourced by startup.sh and memory.sh. It checks the tools, builds the
# binary unless LEADLINE_BIN names one, makes a work folder, and stops what the script started
# when it exits. start_xvfb starts a private display; blank WINDOW tells whether a
# window still shows one flat colour (not painted yet).
script=$(basename "$0")
cd "$(dirname "$0")/../../.."
export LANG=en_US.UTF-8
BIN=${LEADLINE_BIN:-bin/leadline}

for tool in Xvfb xdotool import identify; do
  command -v "$tool" >/dev/null || { echo "$script: $tool is missing; run make setup" >&2; exit 1; }
done
[ -n "${LEADLINE_BIN:-}" ] || go build -o "$BIN" ./cmd/leadline

work=$(mktemp -d)
pids=()
cleanup() {
  # Newest first: the app goes before its X server, which it would otherwise lose mid-frame.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

start_xvfb() { # → exports DISPLAY: Xvfb picks a free number itself (-displayfd), telling the
  # stale socket of a killed server from a live one
  local out="$work/display" n
  Xvfb -displayfd 1 -screen 0 1920x1080x24 -nolisten tcp >"$out" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 100); do n=$(head -n1 "$out" 2>/dev/null); [ -n "$n" ] && break; sleep 0.1; done
  [ -n "$n" ] || { echo "$script: Xvfb did not start" >&2; exit 1; }
  export DISPLAY=":$n"
}

blank() { # window id → succeeds while the window shows one flat colour (or cannot be read)
  local sd
  sd=$(timeout 5 import -window "$1" ppm:- 2>/dev/null | identify -format '%[fx:standard_deviation]' - 2>/dev/null) || return 0
  awk -v s="${sd:-0}" 'BEGIN{ exit !(s+0 == 0) }'
}
