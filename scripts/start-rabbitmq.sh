#!/usr/bin/env bash
# Starts Debian's rabbitmq-server on 127.0.0.1:5672 (if it is not already answering) and waits until it accepts work.
# Used by .ci/run and by developers for the distributed mode. Needs: apt-get install rabbitmq-server.
set -euo pipefail
export RABBITMQ_NODENAME="${RABBITMQ_NODENAME:-rabbit@localhost}"
export RABBITMQ_NODE_IP_ADDRESS="${RABBITMQ_NODE_IP_ADDRESS:-127.0.0.1}"

if rabbitmqctl -q -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; then
  echo "RabbitMQ already running ($RABBITMQ_NODENAME)"
  exit 0
fi

# The management API lets tests make a virtual host each, so parallel test runs never share queues; the shovel
# plugin replays error queues (scripts/error-queues.sh).
rabbitmq-plugins --offline enable rabbitmq_management rabbitmq_shovel rabbitmq_shovel_management >/dev/null
rabbitmq-server -detached
for _ in $(seq 1 90); do
  if rabbitmqctl -q -n "$RABBITMQ_NODENAME" await_startup --timeout 2 >/dev/null 2>&1; then
    echo "RabbitMQ is up: amqp://guest:guest@127.0.0.1:5672/"
    exit 0
  fi
  sleep 1
done
echo "RabbitMQ did not start within 90 s" >&2
exit 1
