#!/usr/bin/env bash
# hexsync's release, step by step (docs/release.md). Run from the repository root.
#
#   tools/release.sh pins         regenerate the CI examples' pinned requirements (with hashes)
#   tools/release.sh build        the sdist and the wheel in dist/, checked, with their SHA-256
#   tools/release.sh vendor DIR   copy the built wheel into DIR, where a repository's CI installs
#                                 it from (.github/actions/hexsync/ or ci/hexsync/)
#   tools/release.sh tag          tag vVERSION (hexsync/_version.py) on a clean main; pushing the
#                                 tag runs .github/workflows/release.yml, which builds again and
#                                 publishes with trusted publishing (no token anywhere)
#
# Nothing here publishes: only the release workflow can, with the identity GitHub gives it.
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VERSION=$("$PYTHON" -c 'import re,sys; print(re.search(r"__version__ = \"(.+)\"", open("hexsync/_version.py").read())[1])')
REQUIREMENTS=(
  examples/ci/github/actions/hexsync/requirements.txt
  examples/ci/gitlab/hexsync/requirements.txt
)

die() { echo "release: $*" >&2; exit 1; }

pins() {
  # What plan, apply and drift run on: [project].dependencies, no extra (never the emulator's web
  # stack), for every Python hexsync supports (3.10 on), every file's hash of each pinned version.
  command -v uv >/dev/null || die "pins needs uv (pip install uv)"
  local out=${REQUIREMENTS[0]}
  uv pip compile pyproject.toml --universal --python-version 3.10 --generate-hashes \
    --no-annotate --no-header --quiet --output-file "$out.new"
  {
    echo "# hexsync's dependencies (its plain install: no emulator, no development tools), each"
    echo "# pinned with the hashes of its files: pip installs them with --require-hashes, so a"
    echo "# changed file is refused. hexsync itself is the wheel beside this file (or, once it is"
    echo "# published, a hashed 'hexsync==VERSION' line here). Written by tools/release.sh pins."
    cat "$out.new"
  } >"$out"
  rm "$out.new"
  for other in "${REQUIREMENTS[@]:1}"; do cp "$out" "$other"; done
  echo "release: pinned $(grep -c '^[a-z]' "$out") packages into ${REQUIREMENTS[*]}"
}

build() {
  rm -rf dist
  "$PYTHON" -m build --outdir dist .
  local wheel="dist/hexsync-$VERSION-py3-none-any.whl"
  [ -f "$wheel" ] || die "no $wheel: is hexsync/_version.py's version what was built?"
  # The wheel must not require the emulator's web stack outside its extra.
  if unzip -p "$wheel" "hexsync-$VERSION.dist-info/METADATA" \
      | grep -E '^Requires-Dist: (starlette|uvicorn)' | grep -v 'extra == "emulator"'; then
    die "the wheel requires the emulator's web stack outside the 'emulator' extra"
  fi
  (cd dist && sha256sum ./*)
}

vendor() {
  local dir=${1:?usage: tools/release.sh vendor DIR}
  local wheel="dist/hexsync-$VERSION-py3-none-any.whl"
  [ -f "$wheel" ] || die "no $wheel: run tools/release.sh build first"
  [ -f "$dir/requirements.txt" ] || die "$dir/requirements.txt missing: copy the example's folder there first"
  rm -f "$dir"/hexsync-*.whl
  cp "$wheel" "$dir/"
  echo "release: $dir/$(basename "$wheel") ($(sha256sum "$wheel" | cut -d' ' -f1)); commit it"
}

tag() {
  [ -z "$(git status --porcelain)" ] || die "the working tree has changes: commit or stash them"
  [ "$(git rev-parse --abbrev-ref HEAD)" = main ] || die "tag from main"
  git rev-parse -q --verify "refs/tags/v$VERSION" >/dev/null && die "v$VERSION is tagged already"
  git tag -a "v$VERSION" -m "hexsync $VERSION"
  echo "release: tagged v$VERSION; publish with: git push origin v$VERSION"
}

case "${1:-}" in
  pins) pins ;;
  build) build ;;
  vendor) shift; vendor "$@" ;;
  tag) tag ;;
  *) sed -n '2,12p' "$0" >&2; exit 1 ;;
esac
