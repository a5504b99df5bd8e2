#!/usr/bin/env bash
# The benchmark's side-by-side figure runs a plain Python script with openpyxl (Debian's python3-openpyxl).
# Installs it when missing and we may; never fails the benchmark (the figure is then reported as missing).
set -u
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null && exit 0
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
command -v apt-get >/dev/null || exit 0
export DEBIAN_FRONTEND=noninteractive
{ $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends python3-openpyxl; } >&2 || true
exit 0
