#!/usr/bin/env bash
# Kernel-free notebook check: every notebook's Java cells (magic lines dropped) run in JShell with the
# freshly built jars on the class path; fails on any compile error, exception or unmet expectation.
# Needs: a JDK 17+ and /usr/bin/python3 (standard library only). Run after 'mvn verify'.
source "$(dirname "$0")/ci/common.sh"

cell_dirs=()
for notebook in $NOTEBOOK_FILES; do
  cells="$WORK/jshell/$(basename "$notebook" .ipynb)"
  rm -rf "$cells"
  "$PY" "$NBTOOL" extract "$notebook" "$cells"
  cell_dirs+=("$cells")
done
java -Djava.awt.headless=true "$NOTEBOOKS/ci/JShellCheck.java" "$MODULE_JARS:$(cat "$DEPS_CLASSPATH_FILE")" "${cell_dirs[@]}"
for notebook in $NOTEBOOK_FILES; do
  "$PY" "$NBTOOL" check-cells "$notebook" "$WORK/jshell/$(basename "$notebook" .ipynb)"
done
echo "JShell check: all notebooks passed"
