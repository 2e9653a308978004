#!/usr/bin/env bash
# Dry run of a release: `mvn -P release verify` signed with a throwaway GPG key, then a check that every
# published module produced its jar, -sources and -javadoc jars, POM and a good .asc signature for each,
# and that the unpublished modules (benchmarks, examples) produced none of them.
#
# Usage: release/test-release.sh [extra Maven arguments, e.g. -o or -DskipTests]
# The key lives in a temporary GNUPGHOME that is deleted on exit; ~/.gnupg is never touched.
# Network: only Maven Central (plugins and dependencies not yet in ~/.m2); nothing is uploaded.
set -euo pipefail
cd "$(dirname "$0")/.."

published_jars=(core watermark contrastive membership collapse)
published_poms=(. bom)
unpublished=(benchmarks examples)
key_uid='GenAI Lab throwaway release key <throwaway@genailab.invalid>'

GNUPGHOME="$(mktemp -d)"
export GNUPGHOME
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME"' EXIT
chmod 700 "$GNUPGHOME"

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
    printf '  %-62s %9d bytes  signature OK\n' "$file" "$(stat -c %s "$file")"
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
    unzip -p "$base.jar" META-INF/MANIFEST.MF | grep -q "^Automatic-Module-Name: io.github.genailab.$module" \
      || fail "$base.jar has no Automatic-Module-Name io.github.genailab.$module"
  fi
  if [[ -s "$base-javadoc.jar" ]]; then
    unzip -l "$base-javadoc.jar" | grep -q ' index.html$' || fail "$base-javadoc.jar has no index.html"
  fi
  if [[ -s "$base-sources.jar" ]]; then
    unzip -l "$base-sources.jar" | grep -q '/package-info.java$' || fail "$base-sources.jar has no sources"
  fi
done

echo "== unpublished modules must carry no release artifacts"
for module in "${unpublished[@]}"; do
  for extra in "$module"/target/*.asc "$module"/target/*-sources.jar "$module"/target/*-javadoc.jar; do
    [[ -e "$extra" ]] && fail "unexpected $extra"
  done
  echo "  $module: none"
done

if ((failures > 0)); then
  echo "FAILED: $failures problem(s)"
  exit 1
fi
echo "OK: $checked signed files verified"
