# Sourced by bin/test: the browser tests drive Debian's Chromium through Playwright
# (never a browser download). Install it, and CJK fonts for readable screenshots,
# when missing; this needs root, as on CI and the developers' machines.
if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/opentype/noto ]; then
    echo "installing chromium and fonts-noto-cjk from Debian for the browser tests…" >&2
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: run as root, or: sudo apt-get install chromium fonts-noto-cjk" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fi
