#!/usr/bin/env bash
# Builds the published jars of the API baseline commit, for the compatibility check in
# api/pom.xml. The commit's tree comes from this clone's history (`git archive`, no checkout of
# the working tree), is built in target/ (never installed: nothing reaches the local repository
# but the third-party artifacts the build downloads), and its published jars are copied to
# the output directory as <artifactId>-<version>.jar. A finished build is kept per commit, so a
# second `mvn verify` reuses it.
#
# Usage: build-baseline.sh <commit> <expected version> <output directory> <mvn executable>
set -euo pipefail

commit=$1 version=$2 out=$3 mvn=$4
root=$(cd "$(dirname "$0")/.." && pwd)
# The modules whose public API is checked; api/pom.xml compares the same list.
modules=(core providers/card providers/paypal providers/bank-transfer sandbox spring-boot-starter)

if [ -f "$out/built-$commit" ]; then
  echo "API baseline $commit: built before, in $out"
  exit 0
fi
if ! git -C "$root" cat-file -e "$commit^{commit}" 2>/dev/null; then
  echo "The API baseline commit $commit is not in this clone. The check needs the project's git" >&2
  echo "history (a shallow clone: git fetch --unshallow); -Dsettle.api.skip=true leaves it out." >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out/src"
git -C "$root" archive "$commit" | tar -x -C "$out/src"

found=$(sed -n '/<parent>/,/<\/parent>/d; s|^  <version>\(.*\)</version>.*|\1|p' "$out/src/pom.xml" | head -1)
if [ "$found" != "$version" ]; then
  echo "The API baseline commit $commit has version $found, not $version: set" >&2
  echo "settle.api.baseline.version in api/pom.xml to $found." >&2
  exit 1
fi

echo "Building the API baseline $commit ($version)..."
list=$(IFS=,; echo "${modules[*]}")
# The main jars only: `compile jar:jar` runs each module's compile phase, then jars its classes
# before the next module compiles against them; tests, Javadoc, sources and the sandbox's
# standalone jar, which japicmp does not read, are never built.
(cd "$out/src" && "$mvn" -B -q compile jar:jar -pl "$list" -am)

mkdir -p "$out/jars"
for module in "${modules[@]}"; do
  artifact=$(sed '/<parent>/,/<\/parent>/d' "$out/src/$module/pom.xml" \
    | sed -n 's|.*<artifactId>\(.*\)</artifactId>.*|\1|p' | head -1)
  cp "$out/src/$module/target/$artifact-$version.jar" "$out/jars/"
done
rm -rf "$out/src"
touch "$out/built-$commit"
echo "API baseline $commit: $(ls "$out/jars" | tr '\n' ' ')"
