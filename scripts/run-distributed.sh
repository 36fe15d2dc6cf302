#!/usr/bin/env bash
# The distributed mode on one machine: RabbitMQ, the four services and the YARP gateway as separate processes.
# Each service keeps its SQLite store in data/distributed/ unless ConnectionStrings__<Service>Store is set
# (e.g. to mongodb://localhost/intake). Logs go to data/distributed/logs/. Ctrl+C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data="$root/data/distributed"
mkdir -p "$data/logs"

if command -v rabbitmq-server >/dev/null; then
  scripts/start-rabbitmq.sh
else
  echo "rabbitmq-server is not installed: sudo apt-get install rabbitmq-server (or set ConnectionStrings__RabbitMq)" >&2
fi

dotnet build Referrals.sln -c Release -v quiet -nologo

# A development run: the gateway's built-in sign-in issues the tokens every service checks. To use a real identity
# provider instead, export Identity__Mode=OpenIdConnect and Identity__Authority=https://… before starting.
export Identity__Mode="${Identity__Mode:-Development}"

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

start() { # name project port store
  local name=$1 project=$2 port=$3 store=$4
  local override="ConnectionStrings__${store}"
  (cd "$root/$project/bin/Release/net10.0" && \
    env "Urls=http://localhost:$port" \
        "ConnectionStrings__${store}=${!override:-Data Source=$data/${name}.db}" \
        "ConnectionStrings__RabbitMq=${ConnectionStrings__RabbitMq:-amqp://guest:guest@localhost:5672/}" \
        "Messaging__Transport=RabbitMq" \
        dotnet "Referrals.$name.dll" >"$data/logs/$name.log" 2>&1) &
  pids+=($!)
  echo "  $name  http://localhost:$port   (log: data/distributed/logs/$name.log)"
}

echo "Starting:"
start Intake services/Intake/Referrals.Intake 5101 IntakeStore
start Eligibility services/Eligibility/Referrals.Eligibility 5102 EligibilityStore
start ProviderDirectory services/ProviderDirectory/Referrals.ProviderDirectory 5103 ProviderDirectoryStore
start Notification services/Notification/Referrals.Notification 5104 NotificationStore
(cd "$root/services/Portal/Referrals.Portal/bin/Release/net10.0" && \
  Urls=http://localhost:5110 Portal__ApiBaseUrl=http://localhost:8080 dotnet Referrals.Portal.dll >"$data/logs/Portal.log" 2>&1) &
pids+=($!)
echo "  Portal  http://localhost:5110 (through the gateway: http://localhost:8080/)   (log: data/distributed/logs/Portal.log)"
(cd "$root/gateway/Referrals.Gateway/bin/Release/net10.0" && Urls=http://localhost:8080 dotnet Referrals.Gateway.dll >"$data/logs/Gateway.log" 2>&1) &
pids+=($!)
echo "  Gateway  http://localhost:8080   (log: data/distributed/logs/Gateway.log)"

for _ in $(seq 1 60); do
  if curl -fs http://localhost:8080/health/ready >/dev/null 2>&1; then
    echo "Ready. Sign in: curl -s http://localhost:8080/auth/dev/token -H 'Content-Type: application/json' -d '{\"userId\":\"demo-sw-daugavpils\"}'"
    echo "RabbitMQ management: http://localhost:15672 (guest/guest). Ctrl+C stops all."
    wait
    exit 0
  fi
  sleep 1
done
echo "The gateway did not become ready; see data/distributed/logs/." >&2
exit 1
