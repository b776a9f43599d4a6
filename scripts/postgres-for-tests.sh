#!/usr/bin/env bash
# Install Debian's PostgreSQL if missing and start a throw-away cluster on 127.0.0.1:5433
# with a `skillstack` role that may create test databases.
set -euo pipefail
PORT=5433
DATA=/tmp/skillstack-pg
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then RUN_AS=(runuser -u postgres --); fi
if ! "${RUN_AS[@]}" "$PGBIN/pg_isready" -h 127.0.0.1 -p $PORT -q; then
  rm -rf "$DATA"; mkdir -p "$DATA"
  [ "$(id -u)" -eq 0 ] && chown postgres "$DATA"
  "${RUN_AS[@]}" "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust >/dev/null
  "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DATA" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" -l "$DATA/log" -w start >/dev/null
fi
"${RUN_AS[@]}" "$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -q -c \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='skillstack') THEN CREATE ROLE skillstack LOGIN CREATEDB PASSWORD 'skillstack'; END IF; END \$\$;"
"${RUN_AS[@]}" "$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -q -tc "SELECT 1 FROM pg_database WHERE datname='skillstack'" | grep -q 1 \
  || "${RUN_AS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p $PORT -U postgres -O skillstack skillstack
echo "PostgreSQL ready on 127.0.0.1:$PORT"
