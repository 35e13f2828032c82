#!/bin/sh
# Debian packages the tests need: PostgreSQL (started by the test fixture itself),
# Chromium for the browser tests, Java for Spark. Installed only when missing.
set -e
need=""
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$need postgresql"
[ -x /usr/bin/chromium ] || need="$need chromium"
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "please install these Debian packages: $need" >&2
  exit 1
fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
