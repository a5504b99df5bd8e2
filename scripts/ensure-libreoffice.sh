#!/usr/bin/env bash
# Fixtures calculated by LibreOffice (test/fixtures/*-lo.xlsx) are made with Debian's headless Calc.
# Installs it when `soffice` is missing and we may.
set -u
command -v soffice >/dev/null && exit 0
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
command -v apt-get >/dev/null || { echo "soffice is missing and apt-get is not available" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >&2
