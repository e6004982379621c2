#!/usr/bin/env bash
# The explorer's browser tests drive Debian's Chromium (never a downloaded browser build, which this
# project's machines cannot fetch) and need a CJK font so Chinese labels render as characters, not boxes.
# A fresh CI machine has neither: install them from Debian's packages once, as root, as .ci/run runs.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "ensure-chromium: /usr/bin/chromium or fonts-noto-cjk is missing and this user is not root;" \
       "install them with: apt-get install chromium fonts-noto-cjk" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk
[ -x /usr/bin/chromium ] || { echo "ensure-chromium: apt-get ran but /usr/bin/chromium is still missing" >&2; exit 1; }
