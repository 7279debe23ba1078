#!/usr/bin/env bash
# Runs the Windows test binaries that `make release` compiled (DIR/*.test.exe) under Wine, when
# Wine is installed; it is never required, and without it the binaries are only compiled.
set -euo pipefail
dir=${1:?usage: wine-tests.sh DIR}
wine=$(command -v wine || command -v wine64 || { [ -x /usr/lib/wine/wine64 ] && echo /usr/lib/wine/wine64; } || true)
if [ -z "$wine" ]; then
	echo "release: Wine is not installed; the Windows test binaries were compiled, not run"
	exit 0
fi
here=$(cd "$(dirname "$0")" && pwd)
# Wine 8 lacks bcryptprimitives.dll, which Go 1.26 needs and real Windows has.
x86_64-w64-mingw32-gcc -shared -O2 -o "$dir/bcryptprimitives.dll" \
	"$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
export WINEPREFIX=${WINEPREFIX:-$HOME/.cache/leadline-wine} WINEDEBUG=-all
mkdir -p "$WINEPREFIX"
status=0
for test in "$dir"/*.test.exe; do
	name=$(basename "$test")
	# Each package's tests run in its own folder, as go test does, for their testdata/.
	pkg=${name%.test.exe}
	src=$(find "$here/../../workshop" -type d -name "$pkg" -print -quit)
	[ "$pkg" = workshop ] && src="$here/../../workshop"
	if (cd "${src:-$dir}" && "$wine" "$(cd "$dir" && pwd)/$name" -test.count=1 >"$dir/$pkg.log" 2>&1); then
		echo "wine: $pkg ok"
	else
		echo "wine: $pkg FAILED; the log follows"
		cat "$dir/$pkg.log"
		status=1
	fi
done
exit $status
