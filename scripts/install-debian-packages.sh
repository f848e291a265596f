#!/usr/bin/env bash
# Install the Debian packages the site needs, if they are missing:
#   graphviz          dot lays out the box-and-arrow figures (decision 0007)
#   fonts-liberation  the font the figures are measured and drawn with
#   chromium          (with --browser) the browser the tests drive; Playwright downloads nothing
set -euo pipefail
need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
fc-list 2>/dev/null | grep -q "Liberation Sans" || need+=(fonts-liberation)
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
