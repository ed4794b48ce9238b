# Sourced by cold-start.sh and cold-timeline.sh: picks the binary (BIN=path, else the installed
# build `swift build -c release --static-swift-stdlib`, or with BUILD=dev `swift build -c release`,
# built first unless the script was given --no-build), gives it a fresh cache folder and builds the
# catalog there once, so the runs that follow are cold processes on a warm catalog.
# Sets: bin, work (removed on exit), plan.
flags=(-c release --static-swift-stdlib)
[[ "${BUILD:-static}" == dev ]] && flags=(-c release)
if [[ -n "${BIN:-}" ]]; then
    bin=$BIN
    echo "== binary: $bin"
else
    [[ "${1:-}" == --no-build ]] || swift build "${flags[@]}" --product costplan
    bin=$(swift build "${flags[@]}" --show-bin-path)/costplan
    echo "== binary: $bin (swift build ${flags[*]})"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
unset COSTPLAN_CATALOG COSTPLAN_PRICING_DIR
plan=examples/muejam-library.yaml
"$bin" estimate "$plan" --format json >/dev/null
echo "== load: $(uptime)"
