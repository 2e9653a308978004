# Shared by run-notebooks.sh and check-notebooks-jshell.sh (sourced, not run).
# Sets ROOT, NOTEBOOKS, WORK, MODULE_JARS (colon-separated jars of the freshly built modules) and
# DEPS_CLASSPATH_FILE (the third-party jars those modules and the notebooks need, one class path line).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
NOTEBOOKS="$ROOT/examples/notebooks"
WORK="$ROOT/examples/target/notebook-ci"
PY=/usr/bin/python3
NBTOOL="$NOTEBOOKS/ci/nbtool.py"
MODULES="core watermark contrastive membership collapse llm diffusion"
mkdir -p "$WORK"

MODULE_JARS=""
for module in $MODULES; do
  jar=$(ls "$ROOT/$module/target/genailab-$module-"*.jar 2>/dev/null | grep -v -e '-sources.jar$' -e '-javadoc.jar$' -e '-tests.jar$' | head -1 || true)
  if [ -z "$jar" ]; then
    echo "missing $ROOT/$module/target/genailab-$module-*.jar: run 'mvn verify' (or 'mvn package') first" >&2
    exit 1
  fi
  MODULE_JARS="$MODULE_JARS${MODULE_JARS:+:}$jar"
done

# Third-party runtime dependencies of every module plus xchart (the examples module depends on all of
# them). Run in the reactor with the compile phase so the unpublished SNAPSHOT modules resolve (to their
# target/classes; an up-to-date compile is quick); the examples module is last in
# reactor order, so its class path is the one left in the file. Offline first: 'mvn verify' cached it all.
DEPS_CLASSPATH_FILE="$WORK/deps.classpath"
resolve_deps() {
  (cd "$ROOT" && mvn -q "$@" -pl examples -am compile dependency:build-classpath -DincludeScope=runtime \
      -DexcludeGroupIds=io.github.genailab -Dmdep.outputFile="$DEPS_CLASSPATH_FILE")
}
if [ ! -s "$DEPS_CLASSPATH_FILE" ] || [ -n "$(find "$ROOT" -maxdepth 2 -name pom.xml -newer "$DEPS_CLASSPATH_FILE")" ]; then
  resolve_deps -o >/dev/null 2>&1 || resolve_deps
fi

# All notebooks, or only those named on the script's command line (e.g. notebooks/01-watermark.ipynb).
if [ $# -gt 0 ]; then
  NOTEBOOK_FILES="$*"
else
  NOTEBOOK_FILES=$(ls "$NOTEBOOKS"/[0-9][0-9]-*.ipynb)
fi
