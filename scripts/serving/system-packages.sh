#!/usr/bin/env bash
# Installs the Debian packages a make target needs, if their commands are missing.
# Usage: scripts/serving/system-packages.sh COMMAND=PACKAGE ...   (e.g. chromium=chromium npm=npm)
# As root it runs apt-get; with passwordless sudo, sudo -n apt-get; otherwise it stops and
# prints the one command to run. It never downloads anything but Debian packages.
set -euo pipefail

missing=()
for pair in "$@"; do
  command_name=${pair%%=*}
  package=${pair#*=}
  # nginx lives in /usr/sbin, which is not on every user's PATH.
  command -v "$command_name" >/dev/null 2>&1 || [ -x "/usr/sbin/$command_name" ] ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

# A package can supply two commands (nodejs gives node): install each once.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
install=(apt-get install -y -qq --no-install-recommends "${missing[@]}")
export DEBIAN_FRONTEND=noninteractive

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${missing[*]}. This is not a Debian/Ubuntu system:" \
    "install them with your package manager." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  echo "Installing ${missing[*]} with apt-get (Debian packages)."
  apt-get update -qq
  "${install[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  echo "Installing ${missing[*]} with sudo apt-get (Debian packages)."
  sudo -n apt-get update -qq
  sudo -n env DEBIAN_FRONTEND=noninteractive "${install[@]}"
else
  echo "Missing system packages: ${missing[*]}. Install them once with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
