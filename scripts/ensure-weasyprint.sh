#!/usr/bin/env bash
# The resume PDF is laid out by WeasyPrint, which needs Pango (and HarfBuzz, fontconfig) from
# the system. Installs Debian's packages only when a library is missing; quick and silent
# when everything is there, so `make install` can call it every time.
set -euo pipefail

missing=()
libraries="$(ldconfig -p)"  # read once: `ldconfig -p | grep -q` can fail on SIGPIPE (pipefail)
have() { [[ "$libraries" == *"$1 "* ]]; }
have "libpango-1.0.so.0" || missing+=(libpango-1.0-0)
have "libpangoft2-1.0.so.0" || missing+=(libpangoft2-1.0-0)
have "libharfbuzz.so.0" || missing+=(libharfbuzz0b)
have "libfontconfig.so.1" || missing+=(libfontconfig1)
# A font with the characters our pages use (em dashes, curly quotes, accented names).
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)

if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing WeasyPrint's system libraries for the resume PDF: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
