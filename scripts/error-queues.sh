#!/usr/bin/env bash
# See and replay messages parked in MassTransit's error queues (<endpoint>_error) after their retries ran out.
#   scripts/error-queues.sh list   [vhost]            error queues with their message counts
#   scripts/error-queues.sh replay <queue> [vhost]    move every message of <queue>_error back to <queue>, once
# Replay after fixing the cause: consumers are idempotent, so a message that already took effect takes none again.
# Uses the RabbitMQ management API (RABBITMQ_MANAGEMENT, default http://guest:guest@127.0.0.1:15672) and a dynamic
# shovel that deletes itself when the error queue is empty (plugins rabbitmq_management and rabbitmq_shovel).
set -euo pipefail

management="${RABBITMQ_MANAGEMENT:-http://guest:guest@127.0.0.1:15672}"
command="${1:-}"

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
api() { curl -fsS -H 'content-type: application/json' "$@"; }

case "$command" in
  list)
    vhost=$(urlencode "${2:-/}")
    api "$management/api/queues/$vhost?columns=name,messages" |
      python3 -c 'import json, sys
queues = [q for q in json.load(sys.stdin) if q["name"].endswith("_error")]
for q in sorted(queues, key=lambda q: q["name"]):
    print("%8d  %s" % (q.get("messages") or 0, q["name"]))
if not queues:
    print("no error queues")'
    ;;
  replay)
    queue="${2:?usage: scripts/error-queues.sh replay <queue> [vhost]}"
    queue="${queue%_error}"
    vhost_name="${3:-/}"
    vhost=$(urlencode "$vhost_name")
    shovel="replay-$queue-$(date +%s)"
    uri="amqp:///$vhost"
    api -X PUT "$management/api/parameters/shovel/$vhost/$shovel" -d @- >/dev/null <<JSON
{"value": {"src-protocol": "amqp091", "src-uri": "$uri", "src-queue": "${queue}_error",
           "src-delete-after": "queue-length",
           "dest-protocol": "amqp091", "dest-uri": "$uri", "dest-queue": "$queue"}}
JSON
    echo "Replaying ${queue}_error -> $queue in vhost '$vhost_name' (shovel $shovel removes itself when done)"
    ;;
  *)
    sed -n '2,7p' "$0" >&2
    exit 2
    ;;
esac
