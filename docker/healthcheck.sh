#!/usr/bin/env bash
# Exits 0 when the service on ${1:-$SERVER_PORT} answers /actuator/health with status UP.
port=${1:-${SERVER_PORT:-8080}}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
grep -q '"UP"' <&3
