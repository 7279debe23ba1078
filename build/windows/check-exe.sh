#!/usr/bin/env bash
# Checks what `make release` promises of Leadline.exe: the GUI subsystem (no console window on
# a double-click), the icon and version resources, and the version from FyneApp.toml.
# usage: check-exe.sh EXE VERSION (e.g. dist/Leadline.exe 0.1.0.1)
set -euo pipefail
exe=${1:?usage: check-exe.sh EXE VERSION} version=${2:?usage: check-exe.sh EXE VERSION}
headers=$(x86_64-w64-mingw32-objdump -p "$exe")
fail() { echo "check-exe: $exe: $*" >&2; exit 1; }
grep -q 'Subsystem.*(Windows GUI)' <<<"$headers" || fail "not a GUI-subsystem exe"
# Resource types in the .rsrc type table: 3 icon, 14 icon group, 16 version.
types=$(sed -n '/The .rsrc Resource Directory section/,$p' <<<"$headers" | awk '$1 ~ /^0[0-9a-f]+$/ && $2 == "Entry:" && $3 == "ID:" && length($1) == 3 {print $4}' | tr -d ',')
for want in 0x000003 0x00000e 0x000010; do
	grep -qx "$want" <<<"$types" || fail "no resource of type $want (icon 3, icon group 14, version 16); found: $(echo $types)"
done
strings -el "$exe" | grep -A1 -x ProductVersion | grep -qx "$version" || fail "ProductVersion is not $version"
strings -el "$exe" | grep -A1 -x FileVersion | grep -qx "$version" || fail "FileVersion is not $version"
echo "check-exe: $exe is a GUI exe with its icon, version $version"
