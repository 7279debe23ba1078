#!/usr/bin/env bash
# memory.sh: resident memory of the app with a 500-stage map open, under Xvfb.
# Budget (issue 5): under 200 MB. Median of RUNS (3) runs.
#
# Method. awk writes a Leadline JSON workshop whose one map has 500 stages in 25 columns of
# 20, joined by 960 forward flows (each stage to two in the next column). `leadline import`
# adds it to a fresh library and an empty `leadline edit` makes it the workshop the app reopens.
# The app starts under Xvfb; once its window shows more than one colour (painted, as in
# startup.sh) and a further SETTLE (2) seconds have passed, VmRSS and VmHWM (the peak) are read
# from /proc/PID/status, with RSS split into anonymous memory (Go heap, C heap: GL textures) and
# file pages (the binary, Mesa's libLLVM: shared, clean, dropped first under memory pressure).
# The same is measured with the sample workshop "Idea to customer" (21 stages) as a baseline:
# under Xvfb, Mesa's software GL (llvmpipe) alone accounts for a large part of it.
set -euo pipefail
RUNS=${RUNS:-3}
SETTLE=${SETTLE:-2}
BUDGET_MB=200
source "$(dirname "$0")/window-harness.sh"

awk 'BEGIN {
  split("Marketing,Sales,Legal,Finance,Procurement,HR,Product,Project management,Development,QA,Security,Operations,Support,Customer", dept, ",")
  cols = 25; rows = 20
  printf "{\"name\": \"Five hundred stages\", \"maps\": [{\"name\": \"Whole company\", \"state\": \"current\",\n\"stages\": [\n"
  for (c = 0; c < cols; c++) for (r = 0; r < rows; r++) {
    n = c * rows + r
    printf "%s{\"id\": \"c%dr%d\", \"name\": \"Stage %d of column %d\", \"department\": \"%s\", \"process\": \"%dh\", \"wait\": \"%dh\", \"ca\": %d, \"x\": %d, \"y\": %d}",
      (n ? ",\n" : ""), c, r, r + 1, c + 1, dept[n % 14 + 1], 1 + n % 7, (r * 7 + c * 3) % 40, 60 + n % 40, 40 + c * 200, 40 + r * 130
  }
  printf "],\n\"flows\": [\n"
  first = 1
  for (c = 0; c < cols - 1; c++) for (r = 0; r < rows; r++) {
    printf "%s{\"from\": \"c%dr%d\", \"to\": \"c%dr%d\"},\n{\"from\": \"c%dr%d\", \"to\": \"c%dr%d\"}",
      (first ? "" : ",\n"), c, r, c + 1, r, c, r, c + 1, (r + 1) % rows
    first = 0
  }
  printf "]}]}\n"
}' >"$work/five-hundred.json"

db="$work/library.db"
id=$("$BIN" import --db "$db" "$work/five-hundred.json")
"$BIN" edit --db "$db" --workshop "$id" </dev/null # the app reopens the workshop edited last
stages=$(grep -o '"id": "c' "$work/five-hundred.json" | wc -l)

start_xvfb
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
mkdir -p "$work/cache"
samples_db="$work/samples.db"
"$BIN" list --db "$samples_db" >/dev/null

status_mb() { awk -v k="$2:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

measure() { # library → prints "rss hwm anon file" in MB, median of RUNS
  local db=$1 app window started figures=()
  for run in $(seq "$RUNS"); do
    "$BIN" --db "$db" >"$work/app.log" 2>&1 &
    app=$!
    pids+=("$app")
    started=$SECONDS window=
    while [ -z "$window" ]; do
      window=$(xdotool search --onlyvisible --name '^Leadline' 2>/dev/null | head -n 1) || true
      [ -n "$window" ] && break
      kill -0 "$app" 2>/dev/null || { echo "memory.sh: the app exited:" >&2; cat "$work/app.log" >&2; exit 1; }
      [ $((SECONDS - started)) -lt 60 ] || { echo "memory.sh: no window after 60 s" >&2; exit 1; }
      sleep 0.05
    done
    while blank "$window"; do
      [ $((SECONDS - started)) -lt 60 ] || { echo "memory.sh: window still blank after 60 s" >&2; exit 1; }
      sleep 0.05
    done
    sleep "$SETTLE"
    [ -z "${MEMORY_SHOT:-}" ] || import -window "$window" "$MEMORY_SHOT"
    echo "memory.sh: run $run: $(xdotool getwindowname "$window")" >&2
    figures+=("$(status_mb "$app" VmRSS) $(status_mb "$app" VmHWM) $(status_mb "$app" RssAnon) $(status_mb "$app" RssFile)")
    kill "$app"; wait "$app" 2>/dev/null || true
    while xdotool search --onlyvisible --name '^Leadline' >/dev/null 2>&1; do sleep 0.05; done
  done
  # The run with the median RSS gives all four figures, so they belong together.
  printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$0} END{print a[int((NR+1)/2)]}'
}

read -r big_rss big_hwm big_anon big_file < <(measure "$db")
read -r base_rss base_hwm base_anon base_file < <(measure "$samples_db")

printf '\nmemory under Xvfb, median of %d runs (MB): RSS = anonymous + file pages\n' "$RUNS"
printf '%-24s %14s %14s  %s\n' "RSS, ${stages}-stage map" "$big_rss MB" "$BUDGET_MB MB" \
  "$([ "$big_rss" -lt "$BUDGET_MB" ] && echo ok || echo 'OVER BUDGET')"
printf '%-24s %14s %14s  %s\n' "  anon / file / peak" "$big_anon / $big_file / $big_hwm" "" ""
printf '%-24s %14s %14s  %s\n' "RSS, sample workshop" "$base_rss MB" "" "(baseline)"
printf '%-24s %14s %14s  %s\n' "  anon / file / peak" "$base_anon / $base_file / $base_hwm" "" ""
