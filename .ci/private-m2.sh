#!/usr/bin/env bash
# Sourced by the release scripts: a private local Maven repository, so that install/deploy never write the shared
# ~/.m2 (other builds use its SNAPSHOTs). TEXTER_PRIVATE_M2 overrides the place; the first use seeds it from
# ~/.m2/repository, so later builds can run offline (MVN_OFFLINE=-o).
PRIVATE_M2="${TEXTER_PRIVATE_M2:-${TMPDIR:-/tmp}/texter-release-m2}"
if [[ ! -d "$PRIVATE_M2" ]]; then
  mkdir -p "$PRIVATE_M2"
  if [[ -d "$HOME/.m2/repository" ]]; then
    cp -a "$HOME/.m2/repository/." "$PRIVATE_M2/"
    # never start from the shared repository's SNAPSHOTs of this project
    rm -rf "$PRIVATE_M2/com/texterchat"
  fi
fi
export PRIVATE_M2
