#!/usr/bin/env bash
# The benchmark harness of issue 9 (tests/Referrals.Benchmarks): builds Release and runs it.
#   scripts/bench.sh gateway|pipeline|lifecycle|embedded|store|all [--quick] [--markdown FILE] [--rabbitmq URL] [--management URL] [--gateway-dll DLL]
# The markdown report goes to stdout and to artifacts/benchmarks/<command>-<UTC time>.md (paste it into docs/benchmarks.md);
# progress goes to stderr. Needs RabbitMQ on 127.0.0.1 for `pipeline` and `lifecycle` (started here if it is installed and
# not running). `lifecycle` runs the Release builds of the four services + gateway, `embedded` the Release build of
# gateway/Referrals.Standalone: both are built here first.
# Everything runs on loopback; every phase is bounded in time and count. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

command=${1:-}
case "$command" in
  gateway|pipeline|lifecycle|embedded|store|all) shift ;;
  *) echo "usage: scripts/bench.sh gateway|pipeline|lifecycle|embedded|store|all [--quick]" >&2; exit 2 ;;
esac

if [[ $command != gateway && $command != embedded && $command != store && -z ${REFERRALS_BENCH_RABBITMQ:-} ]]; then
  if ! curl -fs -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null 2>&1; then
    if command -v rabbitmq-server >/dev/null; then
      scripts/start-rabbitmq.sh
    else
      echo "RabbitMQ is not answering on 127.0.0.1:15672 and rabbitmq-server is not installed (apt-get install rabbitmq-server)" >&2
      exit 1
    fi
  fi
fi

if [[ $command != pipeline && $command != embedded && $command != store ]]; then
  dotnet build gateway/Referrals.Gateway -c Release -nologo -v quiet >&2
fi
if [[ $command == lifecycle || $command == all ]]; then
  for service in Intake Eligibility ProviderDirectory Notification; do
    dotnet build "services/$service/Referrals.$service" -c Release -nologo -v quiet >&2
  done
fi
if [[ $command == embedded || $command == all ]]; then
  dotnet build gateway/Referrals.Standalone -c Release -nologo -v quiet >&2
fi
dotnet build tests/Referrals.Benchmarks -c Release -nologo -v quiet >&2

mkdir -p artifacts/benchmarks
report="artifacts/benchmarks/$command-$(date -u +%Y%m%dT%H%M%SZ).md"
dotnet tests/Referrals.Benchmarks/bin/Release/net10.0/Referrals.Benchmarks.dll "$command" --markdown "$report" "$@"
echo "Report: $report" >&2
