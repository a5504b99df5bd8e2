#!/usr/bin/env bash
# Render checks convert .docx/.xlsx to PDF with LibreOffice (Debian's headless packages) and read the PDF
# with poppler-utils (pdftotext, pdfinfo, pdftoppm); CJK fonts so Chinese text renders. Installs only what
# is missing; prints the soffice path. Idempotent; safe to run from several tests or scripts at once
# (apt waits for the dpkg lock instead of failing).
set -euo pipefail
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
{ command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null && command -v pdftoppm >/dev/null; } || need+=(poppler-utils)
if command -v fc-list >/dev/null && ! fc-list :lang=zh family | grep -q .; then need+=(fonts-noto-cjk); fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    echo "Missing for render checks: ${need[*]} (install them with apt-get install ${need[*]})." >&2
    exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  lock=(-o DPkg::Lock::Timeout=900)
  $SUDO apt-get "${lock[@]}" update -qq >&2
  $SUDO apt-get "${lock[@]}" install -y -qq --no-install-recommends "${need[@]}" >&2
fi
command -v soffice
