#!/usr/bin/env bash
# The chaos test of issue 9 at full size (tests/Referrals.Chaos.Tests): 1,000 referrals through the gateway in the
# distributed mode while each service is killed -9 once and restarted, the test's own RabbitMQ node restarts once and
# Kannel's smsbox is down for 30 s; then a SIGTERM of each service under load. Afterwards nothing may be lost or doubled
# (referrals, placements, free places, SMS received by fakesmsc). CI runs the same tests at 120 referrals by default.
#   scripts/chaos.sh [referrals] [--seed N]     e.g. scripts/chaos.sh 1000 --seed 4711 (repeats that run's fault moments)
# Needs: rabbitmq-server, kannel + kannel-extras (bearerbox, smsbox, fakesmsc). The shared broker is never touched.
# The timeline of faults and the tallies are printed; the test output also goes to artifacts/chaos/.
set -euo pipefail
cd "$(dirname "$0")/.."

export REFERRALS_CHAOS_REFERRALS="${1:-1000}"
shift || true
if [[ ${1:-} == --seed ]]; then
  export REFERRALS_CHAOS_SEED="$2"
fi
export REFERRALS_CHAOS_KANNEL_OUTAGE_SECONDS="${REFERRALS_CHAOS_KANNEL_OUTAGE_SECONDS:-30}"

mkdir -p artifacts/chaos
dotnet test tests/Referrals.Chaos.Tests --logger "console;verbosity=detailed" \
  --results-directory artifacts/chaos 2>&1 | tee "artifacts/chaos/chaos-$(date -u +%Y%m%dT%H%M%SZ).log"
exit "${PIPESTATUS[0]}"
