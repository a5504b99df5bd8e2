#!/usr/bin/env bash
# Browser tests of the real UI (npm run e2e): Debian's Chromium, driven by playwright-core, against the
# production build served from 127.0.0.1.
#   1. Chromium (scripts/ensure-chromium.sh installs it when missing);
#   2. E2E=1 webpack --mode production → test-results/e2e-dist (the production pages plus the test-only
#      taskpane-e2e.html on the stand-in Excel; dist/ is left alone);
#   3. jest with jest.e2e.config.js; screenshots in test-results/e2e/, timings in test-results/e2e-metrics.json.
# E2E_SKIP_BUILD=1 reuses the last build. Extra arguments go to jest (e.g. -t English).
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM_PATH="$(bash scripts/ensure-chromium.sh)"
export CHROMIUM_PATH
if [ "${E2E_SKIP_BUILD:-}" != 1 ]; then
  echo "e2e: building (E2E=1 webpack --mode production)…" >&2
  E2E=1 npx webpack --mode production --stats errors-warnings >&2
fi
rm -f test-results/e2e-metrics.json
exec npx jest -c jest.e2e.config.js "$@"
