#!/usr/bin/env bash
# One-command release (see release/RELEASE.md):
#   release/release.sh 0.1.0 0.1.1-SNAPSHOT [extra Maven arguments]
# 1. sets every POM (parent, modules, BOM) to the release version and moves project.build.outputTimestamp
#    to now, commits "Release X" and tags vX;
# 2. builds, signs and uploads the bundle: mvn -P release clean deploy (the Central Portal keeps it as a
#    validated deployment until someone presses Publish, because autoPublish is false);
# 3. sets the next -SNAPSHOT version and commits it.
# Pushing (git push origin HEAD vX) is left to you, after the Portal shows the deployment as validated.
# Needs: a clean working tree, a GPG key (-Dgpg.keyname=..., passphrase in MAVEN_GPG_PASSPHRASE or the
# agent) and a Portal user token as <server><id>central</id> in ~/.m2/settings.xml.
# Dry run without upload: add -DskipUpload=true (the bundle is left in */target/central-publishing/).
set -euo pipefail
cd "$(dirname "$0")/.."

if (($# < 2)); then
  echo "usage: $0 RELEASE_VERSION NEXT_SNAPSHOT_VERSION [maven arguments]" >&2
  exit 2
fi
release="$1"
next="$2"
shift 2
semver='^[0-9]+\.[0-9]+\.[0-9]+$'
[[ "$release" =~ $semver ]] || { echo "release version must be X.Y.Z, got $release" >&2; exit 2; }
[[ "$next" =~ ${semver%$}-SNAPSHOT$ ]] || { echo "next version must be X.Y.Z-SNAPSHOT, got $next" >&2; exit 2; }
[[ -z "$(git status --porcelain)" ]] || { echo "working tree is not clean" >&2; exit 1; }
! git rev-parse -q --verify "refs/tags/v$release" >/dev/null || { echo "tag v$release exists" >&2; exit 1; }

# The reproducible-build inputs a release fixes (release/RELEASE.md, "Reproducibility").
umask 022

set_version() {
  # $1 = version, $2 = scm tag. The BOM has no parent, so it is set on its own; versions:set also moves
  # project.build.outputTimestamp to now.
  for pom in pom.xml bom/pom.xml; do
    mvn -B -ntp -q -f "$pom" versions:set versions:set-scm-tag -DnewVersion="$1" -DnewTag="$2" \
      -DgenerateBackupPoms=false -DprocessAllModules=true
  done
  if grep -l -- "-SNAPSHOT</version>" pom.xml ./*/pom.xml | grep -q . && [[ "$1" != *-SNAPSHOT ]]; then
    echo "a POM still refers to a -SNAPSHOT version:" >&2
    grep -n -- "-SNAPSHOT</version>" pom.xml ./*/pom.xml >&2
    exit 1
  fi
}

set_version "$release" "v$release"
git commit -q -am "Release $release"
git tag -a "v$release" -m "GenAI Lab $release"
echo "== tagged v$release; building, signing and deploying"

mvn -B -ntp -P release clean deploy "$@"

set_version "$next" HEAD
git commit -q -am "Next development version $next"
echo "== done: v$release deployed, main is at $next"
echo "   next: check the deployment at https://central.sonatype.com/publishing/deployments, press Publish,"
echo "   then: git push origin HEAD v$release"
