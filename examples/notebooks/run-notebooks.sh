#!/usr/bin/env bash
# Executes every notebook headless, top to bottom, in Jupyter with the rapaio Java kernel against the
# freshly built jars, then checks the saved outputs (expected numbers and image/png figures).
# Run after 'mvn verify'. Installs Debian's Jupyter if missing; fetches the kernel from Maven Central.
# Executed notebooks are left in examples/target/notebook-ci/executed/.
source "$(dirname "$0")/ci/common.sh"

KERNEL_VERSION=3.0.1
JUPYTER=/usr/bin/jupyter

if ! [ -x "$JUPYTER" ] || ! "$PY" -c 'import nbconvert, nbclient, jupyter_client, ipykernel' 2>/dev/null; then
  echo "installing Debian's Jupyter (nbconvert, jupyter-client, ipykernel)"
  for attempt in 1 2 3 4 5 6; do   # another process may hold the dpkg lock for a while
    if apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        jupyter-nbconvert python3-nbconvert jupyter-client python3-ipykernel >/dev/null; then
      break
    fi
    [ "$attempt" = 6 ] && { echo "apt-get install of Jupyter failed" >&2; exit 1; }
    sleep 20
  done
fi

KERNEL_JAR="$WORK/kernel/rapaio-jupyter-kernel-$KERNEL_VERSION.jar"
if ! [ -s "$KERNEL_JAR" ]; then
  mvn -q -f "$ROOT/examples/pom.xml" dependency:copy \
      -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION" -DoutputDirectory="$WORK/kernel"
fi

# A private Jupyter home: nothing is written to ~/.local/share/jupyter or ~/.jupyter. The class path is
# empty: the translated %maven cell adds every jar with %jar (see nbtool.py translate).
export JUPYTER_PATH="$WORK/jupyter" JUPYTER_DATA_DIR="$WORK/jupyter" JUPYTER_CONFIG_DIR="$WORK/jupyter/config" \
       JUPYTER_RUNTIME_DIR="$WORK/jupyter/runtime" IPYTHONDIR="$WORK/jupyter/ipython"
mkdir -p "$JUPYTER_PATH/kernels/genailab-java" "$WORK/translated" "$WORK/executed"
"$PY" - "$JUPYTER_PATH/kernels/genailab-java/kernel.json" "$KERNEL_JAR" <<'PYEOF'
import json, sys
path, jar = sys.argv[1:]
json.dump({"argv": ["java", "-Djava.awt.headless=true", "-jar", jar, "{connection_file}"],
           "display_name": "Java (rapaio kernel, GenAI Lab CI)", "language": "java",
           "interrupt_mode": "message",
           "env": {"RJK_CLASSPATH": "", "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "",
                   "RJK_TIMEOUT_MILLIS": "-1", "RJK_MIMA_CACHE": "mima_cache"}},
          open(path, "w"), indent=1)
PYEOF

# The kernel's start-up sometimes races (rapaio-jupyter-kernel binds its shell channel before its handlers are
# set; about 3 in 16 starts failed when it was tried), and a loaded machine can make it slow: retry a
# start that fails (up to 6 times, 60 s each), never a cell error.
execute() {
  local notebook=$1 log=$2
  local attempts=6
  for attempt in $(seq 1 $attempts); do
    if "$JUPYTER" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=genailab-java \
        --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.startup_timeout=60 \
        --output-dir "$WORK/executed" "$notebook" >"$log" 2>&1; then
      return 0
    fi
    if ! grep -q -e "Kernel didn't respond" -e "DeadKernelError" -e "Kernel died" "$log"; then
      cat "$log" >&2
      return 1
    fi
    echo "  kernel start failed (attempt $attempt of $attempts: $(grep -m1 -o -e "Kernel didn't respond[^.]*" -e "DeadKernelError" -e "Kernel died" "$log")), retrying"
  done
  cat "$log" >&2
  return 1
}

for notebook in $NOTEBOOK_FILES; do
  name=$(basename "$notebook")
  start=$(date +%s)
  "$PY" "$NBTOOL" translate "$notebook" "$WORK/translated/$name" "$ROOT" "$DEPS_CLASSPATH_FILE"
  execute "$WORK/translated/$name" "$WORK/executed/${name%.ipynb}.log"
  "$PY" "$NBTOOL" check "$WORK/executed/$name"
  echo "  ($name: $(( $(date +%s) - start )) s)"
done
echo "Jupyter check: all notebooks executed and their outputs checked"
