#!/usr/bin/env bash
# Exits 0 when the service answers /actuator/health with status UP: on ${1}, or its management port
# (MANAGEMENT_PORT, loopback inside the container), or else its own port (SERVER_PORT).
port=${1:-${MANAGEMENT_PORT:-${SERVER_PORT:-8080}}}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
grep -q '"UP"' <&3
