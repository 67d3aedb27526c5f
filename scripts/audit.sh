#!/usr/bin/env bash
# Security advisories for the production dependency tree. Needs the npm registry (CI has
# it; the development machine may not), so it is not part of `npm test`: .ci/run calls it.
# Fails on high or critical advisories; lower ones are printed for the review.
set -euo pipefail
cd "$(dirname "$0")/.."
npm audit --omit=dev --audit-level=high
