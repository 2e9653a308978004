#!/usr/bin/env bash
# Footprint of each published module, as a user's build sees it: the module's own jar size and its
# runtime classpath (compile + runtime scope, transitive), with the total size of those jars.
# Prints a Markdown table for release/RELEASE.md and the root README.
#
# Usage: release/footprint.sh [extra Maven arguments, e.g. -o or -Djavacpp.platform=linux-x86_64]
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(core watermark contrastive membership collapse llm spark)
projects="$(printf ',%s' "${modules[@]}")"
mvn -B -ntp -q package dependency:list -DskipTests -pl "${projects:1}" \
  -DincludeScope=runtime -DoutputAbsoluteArtifactFilename=true -DoutputFile=target/runtime-classpath.txt \
  "$@"

human() {
  awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.1f MB", b / 1048576; else printf "%.0f KB", b / 1024 }'
}

echo "| module | jar | runtime dependencies (transitive) | jars on the classpath | total with dependencies |"
echo "|---|---|---|---|---|"
for module in "${modules[@]}"; do
  jar="$(ls "$module"/target/genailab-"$module"-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)"
  own="$(stat -c %s "$jar")"
  total="$own"
  names=()
  # Lines look like "   group:artifact:type[:classifier]:version:scope:/path/to/file.jar".
  while read -r line; do
    coordinates="${line%%:/*}"
    file="/${line#*:/}"
    [[ -f "$file" ]] && total=$((total + $(stat -c %s "$file")))
    IFS=: read -r -a parts <<< "$coordinates"
    if ((${#parts[@]} == 6)); then
      names+=("${parts[1]}:${parts[3]} ${parts[4]}")
    else
      names+=("${parts[1]} ${parts[3]}")
    fi
  done < <(grep -E '^ +[^ ]+:[^ ]+:/' "$module/target/runtime-classpath.txt" | sed 's/^ *//; s/ -- .*//')
  list="$(IFS=';' ; echo "${names[*]:-none}" | sed 's/;/, /g')"
  echo "| genailab-$module | $(human "$own") | $list | $((${#names[@]} + 1)) | $(human "$total") |"
done
