#!/usr/bin/env bash
# Dry run of a release with a throwaway GPG key, in two stages:
#  1. `mvn -P release clean verify` in this working tree, then a check that every published module
#     produced its jar, -sources and -javadoc jars, POM and a good .asc signature for each, and that the
#     unpublished modules (benchmarks, examples) produced none of them;
#  2. (unless --verify-only) the one-command release, release/release.sh X.Y.Z X.Y.(Z+1)-SNAPSHOT, in a
#     throwaway clone of HEAD with -DskipUpload=true: it must commit, tag and leave a Central bundle
#     (central-bundle.zip) holding exactly the published modules, each file with .asc, .md5, .sha1,
#     .sha256 and .sha512, every signature good.
#
# Usage: release/test-release.sh [--verify-only] [extra Maven arguments, e.g. -o or -DskipTests]
# The key lives in a temporary GNUPGHOME that is deleted on exit; ~/.gnupg is never touched.
# Network: only Maven Central (plugins and dependencies not yet in ~/.m2); nothing is uploaded, and
# nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."

verify_only=false
if [[ "${1:-}" == --verify-only ]]; then
  verify_only=true
  shift
fi
published_jars=(core watermark contrastive membership collapse llm spark)
published_poms=(. bom)
unpublished=(testkit benchmarks examples)
key_uid='GenAI Lab throwaway release key <throwaway@genailab.invalid>'

work="$(mktemp -d)"
export GNUPGHOME="$work/gnupg"
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -m 700 "$GNUPGHOME"

echo "== throwaway key in $GNUPGHOME"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
    --quick-gen-key "$key_uid" ed25519 sign 1d
fingerprint="$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print $10; exit }')"
echo "key $fingerprint"

echo "== mvn -P release clean verify $*"
mvn -B -ntp -P release clean verify -Dgpg.keyname="$fingerprint" "$@"

version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)"
failures=0
checked=0

fail() {
  echo "MISSING/BAD: $*"
  failures=$((failures + 1))
}

# The file itself must exist and its detached signature must verify with the throwaway key.
check_signed() {
  local file="$1" signature="$2"
  if [[ ! -s "$file" ]]; then fail "$file"; return; fi
  if [[ ! -s "$signature" ]]; then fail "$signature"; return; fi
  if gpg --batch --quiet --verify "$signature" "$file" 2>/dev/null; then
    printf '  %-62s %9d bytes  signature OK\n' "${file#"$work"/}" "$(stat -c %s "$file")"
    checked=$((checked + 1))
  else
    fail "$signature does not verify $file"
  fi
}

artifact_id() {
  sed -n 's:^  <artifactId>\(.*\)</artifactId>$:\1:p' "$1/pom.xml" | head -n 1
}

echo "== published artifacts (version $version)"
for module in "${published_poms[@]}"; do
  id="$(artifact_id "$module")"
  check_signed "$module/target/$id-$version.pom" "$module/target/$id-$version.pom.asc"
done
for module in "${published_jars[@]}"; do
  id="$(artifact_id "$module")"
  base="$module/target/$id-$version"
  check_signed "$base.pom" "$base.pom.asc"
  for suffix in "" -sources -javadoc; do
    check_signed "$base$suffix.jar" "$base$suffix.jar.asc"
  done
  if [[ -s "$base.jar" ]]; then
    grep -q "^Automatic-Module-Name: io.github.genailab.$module" <<< "$(unzip -p "$base.jar" META-INF/MANIFEST.MF)" \
      || fail "$base.jar has no Automatic-Module-Name io.github.genailab.$module"
  fi
  if [[ -s "$base-javadoc.jar" ]]; then
    grep -qx 'index.html' <<< "$(unzip -Z1 "$base-javadoc.jar")" || fail "$base-javadoc.jar has no index.html"
  fi
  if [[ -s "$base-sources.jar" ]]; then
    grep -q '\.java$' <<< "$(unzip -Z1 "$base-sources.jar")" || fail "$base-sources.jar has no sources"
  fi
done

echo "== unpublished modules must carry no release artifacts"
for module in "${unpublished[@]}"; do
  for extra in "$module"/target/*.asc "$module"/target/*-sources.jar "$module"/target/*-javadoc.jar; do
    [[ -e "$extra" ]] && fail "unexpected $extra"
  done
  echo "  $module: none"
done

if ! $verify_only; then
  release_version="${version%-SNAPSHOT}"
  IFS=. read -r major minor patch <<< "$release_version"
  next_version="$major.$minor.$((patch + 1))-SNAPSHOT"
  echo "== release/release.sh $release_version $next_version -DskipUpload=true (throwaway clone of HEAD)"
  clone="$work/clone"
  git clone --quiet --no-checkout . "$clone"
  git -C "$clone" checkout --quiet -b release-dry-run "$(git rev-parse HEAD)"
  # The Central plugin skips its publish goal (and so the bundle) in offline mode: drop -o here.
  online_args=()
  for arg in "$@"; do
    [[ "$arg" == -o || "$arg" == --offline ]] || online_args+=("$arg")
  done
  (cd "$clone" && release/release.sh "$release_version" "$next_version" -DskipUpload=true \
      -Dmaven.install.skip=true -Dgpg.keyname="$fingerprint" "${online_args[@]}") > "$work/release.log" 2>&1 \
    || { tail -n 40 "$work/release.log"; echo "FAILED: release/release.sh"; exit 1; }
  git -C "$clone" rev-parse -q --verify "refs/tags/v$release_version" > /dev/null || fail "tag v$release_version"
  grep -q "<version>$next_version</version>" "$clone/pom.xml" || fail "pom.xml not at $next_version afterwards"

  bundle="$(find "$clone" -path '*/target/central-publishing/central-bundle.zip' | head -n 1)"
  if [[ -z "$bundle" ]]; then
    sed 's/\x1b\[[0-9;]*m//g' "$work/release.log" | grep -iE 'bundle|publish' | tail -n 5
    fail "no central-bundle.zip"
  else
    mkdir "$work/bundle"
    (cd "$work/bundle" && unzip -q "$bundle")
    echo "   bundle ${bundle#"$clone"/}: $(unzip -Z1 "$bundle" | grep -vc '/$') files"
    expected=()
    for module in "${published_poms[@]}" "${published_jars[@]}"; do
      id="$(artifact_id "$module")"
      expected+=("$id/$release_version/$id-$release_version.pom")
    done
    for module in "${published_jars[@]}"; do
      id="$(artifact_id "$module")"
      for suffix in "" -sources -javadoc; do
        expected+=("$id/$release_version/$id-$release_version$suffix.jar")
      done
    done
    base="$work/bundle/io/github/genailab"
    for file in "${expected[@]}"; do
      for extra in .md5 .sha1 .sha256 .sha512; do
        [[ -s "$base/$file$extra" ]] || fail "bundle lacks $file$extra"
      done
      check_signed "$base/$file" "$base/$file.asc"
    done
    published_files="$(cd "$base" && find . -type f -not -name '*.asc' -not -name '*.md5' -not -name '*.sha*' | wc -l)"
    ((published_files == ${#expected[@]})) || fail "bundle has $published_files artifacts, expected ${#expected[@]}"
    for module in "${unpublished[@]}"; do
      [[ -e "$base/$(artifact_id "$module")" ]] && fail "bundle contains unpublished $module"
    done
  fi
fi

if ((failures > 0)); then
  echo "FAILED: $failures problem(s)"
  exit 1
fi
echo "OK: $checked signed files verified"
