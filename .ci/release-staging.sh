#!/usr/bin/env bash
# Deploys the release build (-Prelease) into a local staging directory and checks that every published module has
# what Maven Central requires: pom, jar, sources and javadoc jars, and a .asc signature of each when MAVEN_GPG_KEY is
# set. Usage: .ci/release-staging.sh [extra Maven arguments] (not -o: Maven refuses to deploy offline, even to a file)
# Writes only target/ directories, the staging directory and a private local repository (see private-m2.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/private-m2.sh

STAGING="$PWD/target/staging"
# TEXTER_STAGING_CHECK_ONLY=1: check an existing staging directory without building (to test the check itself)
if [[ -z "${TEXTER_STAGING_CHECK_ONLY:-}" ]]; then
  rm -rf "$STAGING"
  ./mvnw -B -Prelease -DskipTests "-Dmaven.repo.local=$PRIVATE_M2" \
    "-DaltDeploymentRepository=staging::file:$STAGING" "$@" deploy
fi

VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
GROUP_DIR="$STAGING/com/texterchat"
fail=0
check() { # artifactId suffix...: every file <artifactId>-<version><suffix> must be in the staging directory
  local artifact=$1; shift
  local dir="$GROUP_DIR/$artifact/$VERSION"
  # a SNAPSHOT deployment carries a timestamp and build number instead of -SNAPSHOT
  local version_re="${VERSION%-SNAPSHOT}"
  [[ "$VERSION" == *-SNAPSHOT ]] && version_re="${version_re}-[0-9]{8}\.[0-9]{6}-[0-9]+"
  for suffix in "$@"; do
    local found="" name
    for file in "$dir"/*; do
      name=$(basename "$file")
      if [[ "$name" =~ ^${artifact}-${version_re}${suffix}$ ]]; then found=$name; fi
    done
    if [[ -z "$found" ]]; then
      echo "MISSING: $artifact $suffix" >&2
      fail=1
    else
      echo "ok      $found"
      if [[ -n "${MAVEN_GPG_KEY:-}" && ! -f "$dir/$found.asc" ]]; then
        echo "MISSING: $found.asc" >&2
        fail=1
      fi
    fi
  done
}
for module in texter-api-generated texter-client texter-dsl texter-testkit; do
  check "$module" .pom .jar -sources.jar -javadoc.jar
done
check texter-bom .pom
check texter-sdk-parent .pom
# nothing else is published
for never in texter-examples texter-build-checks texter-benchmarks texter-kotlin-consumers \
    texter-kotlin-consumer-1.9 texter-kotlin-consumer-2.0; do
  if [[ -e "$GROUP_DIR/$never" ]]; then
    echo "PUBLISHED BY MISTAKE: $never" >&2
    fail=1
  fi
done
[[ -n "${MAVEN_GPG_KEY:-}" ]] || echo "note: MAVEN_GPG_KEY is not set, so signatures were neither made nor checked"
if [[ $fail -ne 0 ]]; then
  echo "release staging check FAILED" >&2
  exit 1
fi
echo "release staging check passed: $STAGING"
