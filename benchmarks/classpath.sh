#!/usr/bin/env bash
# The runtime classpath of settle-core + settle-card, in bytes per artifact, as a Markdown table.
# Run from the repository root after installing the two into a scratch local repository (never the
# shared ~/.m2); arguments are passed to Maven:
#   mvn -B -q install -DskipTests -pl core,providers/card -am -Dmaven.repo.local=/tmp/settle-m2
#   bash benchmarks/classpath.sh -Dmaven.repo.local=/tmp/settle-m2
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp)"
mvn -B -q "$@" -f "$here/classpath/pom.xml" dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$out" >/dev/null
echo "| artifact | bytes |"
echo "| --- | ---: |"
total=0
for jar in $(tr ':' '\n' < "$out" | sort); do
  size=$(stat -c %s "$jar")
  total=$((total + size))
  # …/repository/<group path>/<artifact>/<version>/<file>.jar → group:artifact:version
  version_dir="$(dirname "$jar")"; artifact_dir="$(dirname "$version_dir")"
  group="$(dirname "$artifact_dir" | sed "s#^.*/repository/##; s#/#.#g")"
  printf '| %s:%s:%s | %s |\n' "$group" "$(basename "$artifact_dir")" "$(basename "$version_dir")" \
    "$(printf "%'d" "$size")"
done
printf '| **total** | **%s** |\n' "$(printf "%'d" "$total")"
rm -f "$out"
