#!/usr/bin/env bash
# Install Debian's Chromium and the fonts the diagrams are measured with,
# if they are missing. Tests drive this browser; nothing is downloaded by
# Playwright itself.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -q "Liberation Sans" || need+=(fonts-liberation)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
