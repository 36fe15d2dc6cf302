#!/bin/sh
# Renders kannel.conf from the template with the secrets from the environment, then becomes the requested box.
set -eu

: "${KANNEL_BEARERBOX_HOST:=kannel-bearerbox}"
: "${KANNEL_LOG_LEVEL:=1}"
: "${KANNEL_SMSC_CONFIG:=/etc/kannel/smsc-fake.conf}"
# Where the smsbox forwards a family's STOP reply (the Notification service, as Kannel reaches it).
: "${KANNEL_NOTIFICATION_URL:=http://notification:8080}"
export KANNEL_BEARERBOX_HOST KANNEL_SMSC_CONFIG KANNEL_NOTIFICATION_URL

case "${1:-bearerbox}" in
  bearerbox|smsbox)
    : "${KANNEL_ADMIN_PASSWORD:?KANNEL_ADMIN_PASSWORD is required}"
    : "${Notification__Kannel__Username:?Notification__Kannel__Username is required}"
    : "${Notification__Kannel__Password:?Notification__Kannel__Password is required}"
    : "${Notification__Kannel__From:?Notification__Kannel__From is required}"
    # The Notification service refuses callbacks (STOP replies) without it.
    : "${Notification__Kannel__CallbackSecret:?Notification__Kannel__CallbackSecret is required}"
    export KANNEL_ADMIN_PASSWORD Notification__Kannel__Username Notification__Kannel__Password Notification__Kannel__From Notification__Kannel__CallbackSecret
    config="${KANNEL_CONFIG_DIR:-/tmp}/kannel.conf"
    # Only these variables are substituted, so a `$` elsewhere in the template stays literal.
    envsubst '${KANNEL_ADMIN_PASSWORD} ${KANNEL_BEARERBOX_HOST} ${KANNEL_SMSC_CONFIG} ${KANNEL_NOTIFICATION_URL} ${Notification__Kannel__Username} ${Notification__Kannel__Password} ${Notification__Kannel__From} ${Notification__Kannel__CallbackSecret}' \
      < "${KANNEL_TEMPLATE:-/etc/kannel/kannel.conf.template}" > "$config"
    chmod 600 "$config"
    exec "/usr/sbin/$1" -v "$KANNEL_LOG_LEVEL" "$config"
    ;;
  fakesmsc)
    # Development only: connects to the bearerbox's fake SMSC port, sends nothing, prints each SMS it is given.
    exec /usr/lib/kannel/test/fakesmsc -H "$KANNEL_BEARERBOX_HOST" -r 10000 -i 1 -m 0 "37120000000 37120000001 text dev"
    ;;
  *)
    exec "$@"
    ;;
esac
