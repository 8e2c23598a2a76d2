#!/usr/bin/env bash
# The one entry point for developers and CI: deps, build, run, test, bench, package.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_type=${MANIFOLD_BUILD_TYPE:-RelWithDebInfo}
jobs=${MANIFOLD_JOBS:-2}
if [ "${MANIFOLD_SANITIZE:-}" = "1" ]; then
  build_dir=${MANIFOLD_BUILD_DIR:-$root/build-asan}
else
  build_dir=${MANIFOLD_BUILD_DIR:-$root/build}
fi

# Debian 12 packages the build, the tests and the app need.
packages=(
  cmake ninja-build g++ pkg-config ccache dpkg-dev file
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-qpa-plugins libgl-dev
  libqscintilla2-qt6-dev qtkeychain-qt6-dev libyaml-cpp-dev nlohmann-json3-dev libcurl4-openssl-dev libssl-dev
  libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  libxml2-dev zlib1g-dev libzip-dev libsimdjson-dev
  xvfb xauth fonts-dejavu-core
  dbus at-spi2-core python3-pyatspi python3-gi gir1.2-atspi-2.0 openbox imagemagick
)

usage() {
  cat <<'USAGE'
Usage: packaging/dev.sh COMMAND [ARGS]

  deps      install the missing Debian packages (uses sudo when not root)
  build     configure and build into build/ (binaries in build/bin/)
  run ARGS  deps + build + start build/bin/manifold (under xvfb-run without a display)
  test      deps + build + run every test with ctest
  bench     deps + build + run the benchmarks
  package   deps + build + make the .deb and .tar.gz in build/packages/
  fuzz [SECONDS] [TARGET...]
            build the libFuzzer targets with clang in build-fuzz/ and run each for SECONDS
            (60); inputs found are kept in build-fuzz/fuzz-corpus/, crashes in
            build-fuzz/fuzz-artifacts/; fails when a target crashed

Environment: MANIFOLD_BUILD_TYPE (RelWithDebInfo), MANIFOLD_JOBS (2),
MANIFOLD_SANITIZE=1 (address+undefined build in build-asan/), CI=true (warnings are errors).
USAGE
}

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() { install_missing "${packages[@]}"; }

# Only the benchmarks need nginx (engine_read_bench serves its pages with it).
bench_packages=(nginx-light)
# Only `fuzz` needs clang and its libFuzzer runtime (Debian 12's clang is 14).
fuzz_packages=(clang-14 libclang-rt-14-dev)

install_missing() {
  local missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ccache keys on paths relative to the checkout, so a fresh clone elsewhere (CI) reuses
# what an earlier build of the same sources compiled.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$root}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"

configure() {
  local werror=OFF sanitize=OFF generator=()
  if [ "${CI:-}" = "true" ] || [ "${MANIFOLD_WERROR:-}" = "1" ]; then werror=ON; fi
  if [ "${MANIFOLD_SANITIZE:-}" = "1" ]; then sanitize=ON; fi
  if [ ! -f "$build_dir/CMakeCache.txt" ] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
  cmake -S "$root" -B "$build_dir" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE="$build_type" -DMANIFOLD_WERROR="$werror" -DMANIFOLD_SANITIZE="$sanitize" >/dev/null
}

build() {
  configure
  log "building in $build_dir"
  cmake --build "$build_dir" -j "$jobs"
}

run_app() {
  local app="$build_dir/bin/manifold"
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    log "no display: starting under xvfb-run"
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" "$@"
  fi
  exec "$app" "$@"
}

run_tests() {
  log "running tests"
  ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@"
}

run_benchmarks() {
  local dir="$build_dir/benchmarks" ran=0
  for bench in "$dir"/*; do
    [ -x "$bench" ] && [ -f "$bench" ] || continue
    log "$(basename "$bench")"
    "$bench" "$@"
    ran=1
  done
  [ "$ran" = 1 ] || log "no benchmarks built yet"
}

# libFuzzer needs clang; Debian 12's is clang 14.
fuzz_compiler() {
  local cxx
  for cxx in clang++-14 clang++; do
    if command -v "$cxx" >/dev/null; then command -v "$cxx"; return 0; fi
  done
  log "fuzz: no clang++ found (apt-get install ${fuzz_packages[*]})"
  return 1
}

run_fuzz() {
  local seconds=${1:-60}
  [ $# -gt 0 ] && shift
  case "$seconds" in '' | *[!0-9]*) log "fuzz: SECONDS must be a whole number, not '$seconds'"; return 2 ;; esac
  local dir=${MANIFOLD_FUZZ_BUILD_DIR:-$root/build-fuzz} cxx generator=() werror=OFF
  cxx=$(fuzz_compiler)
  if [ "${CI:-}" = "true" ] || [ "${MANIFOLD_WERROR:-}" = "1" ]; then werror=ON; fi
  if [ ! -f "$dir/CMakeCache.txt" ] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
  cmake -S "$root" -B "$dir" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMANIFOLD_WERROR="$werror" -DMANIFOLD_FUZZ=ON -DMANIFOLD_BUILD_UI=OFF -DMANIFOLD_BUILD_BENCHMARKS=OFF >/dev/null
  local targets=("$@")
  if [ ${#targets[@]} -eq 0 ]; then
    # Every manifold_fuzz_target (cmake/ManifoldTargets.cmake), as the configure step listed them.
    mapfile -t targets <"$dir/fuzz/targets.txt"
  fi
  [ ${#targets[@]} -gt 0 ] || { log "fuzz: no fuzz targets"; return 1; }
  log "building ${targets[*]} in $dir"
  cmake --build "$dir" -j "$jobs" --target "${targets[@]}"
  # UndefinedBehaviorSanitizer only prints by default: stop at the first report so it is a finding.
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
  local failed=() target
  for target in "${targets[@]}"; do
    local corpus="$dir/fuzz-corpus/$target" artifacts="$dir/fuzz-artifacts/$target" seeds=() seed_dir
    local log_file="$dir/fuzz-artifacts/$target.log"
    mkdir -p "$corpus" "$artifacts"
    # Input folders in the source tree (tests/data/fuzz/<target>/ and any others): read, never written.
    while IFS= read -r seed_dir; do
      [ -d "$seed_dir" ] && seeds+=("$seed_dir")
    done <"$dir/fuzz/$target.seeds"
    log "fuzz $target for ${seconds}s"
    # -timeout: one input may take 10 s at most (a slower one is a hang); -rss_limit_mb bounds
    # memory (more is a finding). New inputs go to the first folder, the corpus in the build tree.
    if ! "$dir/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
         -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}" 2>"$log_file"; then
      tail -n 60 "$log_file" >&2
      failed+=("$target")
    fi
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log_file")
    log "fuzz $target: ${runs:-?} executions in ${seconds}s, corpus $(find "$corpus" -type f | wc -l) files, log $log_file"
  done
  if [ ${#failed[@]} -gt 0 ]; then
    log "fuzz: ${failed[*]} found a crash, leak, hang or memory blow-up; the input is in $dir/fuzz-artifacts/<target>/"
    return 1
  fi
  log "fuzz: ${#targets[@]} target(s) ran ${seconds}s each without a finding"
}

make_package() {
  log "packaging"
  (cd "$build_dir" && cpack -B "$build_dir/packages")
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  deps) deps ;;
  build) build ;;
  run) deps; build; run_app "$@" ;;
  test) deps; build; run_tests "$@" ;;
  bench) deps; install_missing "${bench_packages[@]}"; build; run_benchmarks "$@" ;;
  package) deps; build; make_package ;;
  fuzz) deps; install_missing "${fuzz_packages[@]}"; run_fuzz "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
