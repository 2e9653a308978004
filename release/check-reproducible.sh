#!/usr/bin/env bash
# Reproducibility check: builds the current commit twice, in two fresh clones at different paths, with
# different time zones, and requires byte-identical outputs:
#   1. build A deploys its artifacts to a throwaway file:// repository (the reference);
#   2. build B runs maven-artifact-plugin's `artifact:compare` against that reference (fails on any
#      difference; Javadoc jars included), and `artifact:check-buildplan` (plugins with known issues);
#   3. both builds' jars and POMs, including the unpublished benchmarks/examples jars, are compared by
#      SHA-256.
# Both builds use the release profile without signing, so the -sources and -javadoc jars are covered.
# Inputs that legitimately change the bytes, as for every Maven build (see release/RELEASE.md): the JDK
# major version (MANIFEST.MF Build-Jdk-Spec, javac output), plugin versions, and the umask — jar entries
# record file permissions as found in target/, so both builds (and every release) run with umask 022.
# And the locale: a build under LC_ALL=POSIX gave a different core -javadoc.jar (classes and sources
# jars identical); releases run with a UTF-8 locale (see release/RELEASE.md).
#
# Usage: release/check-reproducible.sh [extra Maven arguments for both builds]
# Uncommitted changes are NOT built: the check is about a commit. Nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
commit="$(git rev-parse HEAD)"
if [[ -n "$(git status --porcelain --untracked-files=no)" ]]; then
  echo "note: the working tree has uncommitted changes; checking commit $commit as committed"
fi

work="$(mktemp -d)"
# Kept on failure, for diffoscope / unzip -d on the two builds' files.
trap 'if ((${keep:-0})); then echo "kept $work"; else rm -rf "$work"; fi' EXIT
reference="$work/reference-repo"
common=(-B -ntp -P release -Dgpg.skip=true -DskipTests -Dbuildinfo.ignoreJavadoc=false)

clone() {
  git clone --quiet --no-checkout "$repo" "$1"
  git -C "$1" checkout --quiet --detach "$commit"
}

echo "== commit $commit"
clone "$work/a"
clone "$work/b-elsewhere"

# Offline mode blocks file:// repositories too (deploy:deploy refuses it; artifact:compare finds no
# reference): both builds drop -o. Dependencies come from ~/.m2 or Maven Central as usual.
online_args=()
for arg in "$@"; do
  [[ "$arg" == -o || "$arg" == --offline ]] || online_args+=("$arg")
done

echo "== build A (TZ=UTC, LC_ALL=C.UTF-8, umask 022) -> reference repository"
(cd "$work/a" && umask 022 && TZ=UTC LC_ALL=C.UTF-8 \
  mvn "${common[@]}" clean verify deploy:deploy \
    -DaltDeploymentRepository="reference::default::file://$reference" "${online_args[@]}") > "$work/a.log" 2>&1 \
  || { tail -n 40 "$work/a.log"; echo "FAILED: build A"; keep=1; exit 1; }

echo "== build B (TZ=Pacific/Auckland, LC_ALL=C.UTF-8, umask 022) + artifact:compare"
(cd "$work/b-elsewhere" && umask 022 && TZ=Pacific/Auckland LC_ALL=C.UTF-8 \
  mvn "${common[@]}" clean verify artifact:check-buildplan artifact:compare \
    -Dreference.repo="reference::file://$reference" "${online_args[@]}") > "$work/b.log" 2>&1 \
  || { tail -n 40 "$work/b.log"; echo "FAILED: build B or artifact:compare"; keep=1; exit 1; }
sed 's/\x1b\[[0-9;]*m//g' "$work/b.log" | grep -E 'check-buildplan|No known issue|Reproducible Builds\]' \
  | sed 's/^\[INFO\] */  /'

echo "== SHA-256 of every jar and POM of both builds"
outputs() {
  (cd "$1" && find . -path '*/target/*' -maxdepth 3 \( -name '*.jar' -o -name '*.pom' \) \
    -not -path '*/central-*' | sort)
}
differences=0
count=0
while read -r file; do
  a="$(sha256sum < "$work/a/$file" | cut -c1-64)"
  if [[ ! -f "$work/b-elsewhere/$file" ]]; then
    echo "  ONLY IN A  $file"
    differences=$((differences + 1))
    continue
  fi
  b="$(sha256sum < "$work/b-elsewhere/$file" | cut -c1-64)"
  count=$((count + 1))
  if [[ "$a" == "$b" ]]; then
    printf '  same  %s  %s\n' "${a:0:16}" "$file"
  else
    printf '  DIFF  %s / %s  %s\n' "${a:0:16}" "${b:0:16}" "$file"
    differences=$((differences + 1))
  fi
done < <(outputs "$work/a")
if [[ "$(outputs "$work/a")" != "$(outputs "$work/b-elsewhere")" ]]; then
  echo "  the two builds produced different sets of files"
  differences=$((differences + 1))
fi

if ((count == 0 || differences > 0)); then
  echo "FAILED: $differences difference(s) in $count file(s)"
  keep=1
  exit 1
fi
echo "OK: $count files byte-identical across both builds (commit ${commit:0:12})"
