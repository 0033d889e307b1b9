#!/usr/bin/env bash
# Start a local PostgreSQL (if none is running) and prepare the test role and database for the
# server's contract suite. Prints one line for the caller:
#
#   TEST_DATABASE_URL=postgres://schouwkaart_test:...@127.0.0.1:5432/schouwkaart_test
#
# Usage (CI):  eval "export $(tests/support/start-postgres.sh | tail -n 1)"
# Diagnostics go to stderr, so stdout holds only the URL line.
#
# Environment (all optional):
#   PGPORT        port of the cluster (default 5432)
#   PG_TEST_ROLE  role and database name (default schouwkaart_test)
#   PG_TEST_PASSWORD  password of that role (default schouwkaart_test; this is a throwaway test role)
#
# Works on Debian/Ubuntu (postgresql-common: pg_lsclusters, pg_ctlcluster). Without them it falls back
# to a private cluster made with initdb under ${TMPDIR:-/tmp}/schouwkaart-pg.
set -euo pipefail

PORT="${PGPORT:-5432}"
ROLE="${PG_TEST_ROLE:-schouwkaart_test}"
PASSWORD="${PG_TEST_PASSWORD:-schouwkaart_test}"
HOST=127.0.0.1

log() { echo "start-postgres: $*" >&2; }
die() { echo "start-postgres: error: $*" >&2; exit 1; }

case "$ROLE" in *[!a-z0-9_]*|'') die "PG_TEST_ROLE must be lower-case letters, digits and _";; esac
case "$PASSWORD" in *"'"*) die "PG_TEST_PASSWORD must not contain a single quote";; esac

# Run a command as the postgres OS user (we may be root, postgres itself, or a sudoer).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n -u postgres -- "$@"
  else
    return 127
  fi
}

find_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

is_ready() { pg_isready -q -h "$HOST" -p "$PORT" >/dev/null 2>&1; }

PSQL_AS_SUPERUSER=()
URL="postgres://$ROLE:$PASSWORD@$HOST:$PORT/$ROLE"
PRIVATE_DATA="${TMPDIR:-/tmp}/schouwkaart-pg"
can_log_in() { PGPASSWORD="$PASSWORD" psql -X -q "$URL" -c 'SELECT 1' >/dev/null 2>&1; }

if is_ready; then
  log "a PostgreSQL server is already accepting connections on $HOST:$PORT"
  if can_log_in; then
    log "role and database $ROLE are already there"
    echo "TEST_DATABASE_URL=$URL"
    exit 0
  fi
  # Our own private cluster from an earlier run: its socket is in its data directory.
  if [ -f "$PRIVATE_DATA/postmaster.pid" ] && [ "$(sed -n 4p "$PRIVATE_DATA/postmaster.pid")" = "$PORT" ]; then
    if [ "$(id -u)" = 0 ]; then
      PSQL_AS_SUPERUSER=(runuser -u postgres -- psql -h "$PRIVATE_DATA" -p "$PORT" -U postgres)
    else
      PSQL_AS_SUPERUSER=(psql -h "$PRIVATE_DATA" -p "$PORT" -U postgres)
    fi
  fi
elif command -v pg_lsclusters >/dev/null 2>&1 && pg_lsclusters -h 2>/dev/null | awk -v p="$PORT" '$3 == p' | grep -q .; then
  read -r VER NAME _ < <(pg_lsclusters -h | awk -v p="$PORT" '$3 == p' | head -n 1)
  log "starting cluster $VER/$NAME on port $PORT"
  if [ "$(id -u)" = 0 ]; then
    pg_ctlcluster "$VER" "$NAME" start || die "pg_ctlcluster $VER $NAME start failed (see /var/log/postgresql/)"
  else
    as_postgres pg_ctlcluster "$VER" "$NAME" start || die "cannot start cluster $VER/$NAME: run this script as root or postgres"
  fi
else
  BINDIR="$(find_bindir)" || die "PostgreSQL is not installed (no pg_ctl found); install it, e.g. apt-get install postgresql"
  DATA="$PRIVATE_DATA"
  log "no cluster on port $PORT; starting a private one in $DATA with $BINDIR"
  RUN=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no postgres user to own the cluster"
    RUN=(runuser -u postgres --)
    mkdir -p "$DATA" && chown postgres "$DATA"
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    "${RUN[@]}" "$BINDIR/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null \
      || die "initdb failed in $DATA"
  fi
  "${RUN[@]}" "$BINDIR/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=$HOST" start >/dev/null || die "pg_ctl start failed (see $DATA/server.log)"
  PSQL_AS_SUPERUSER=("${RUN[@]}" psql -h "$DATA" -p "$PORT" -U postgres)
fi

for _ in $(seq 1 30); do is_ready && break; sleep 1; done
is_ready || die "PostgreSQL did not accept connections on $HOST:$PORT within 30 s"

if [ ${#PSQL_AS_SUPERUSER[@]} -eq 0 ]; then
  if as_postgres true 2>/dev/null; then
    PSQL_AS_SUPERUSER=(as_postgres psql -p "$PORT")
  elif [ -n "${PGSUPERUSER_URL:-}" ]; then
    PSQL_AS_SUPERUSER=(psql "$PGSUPERUSER_URL")
  else
    die "cannot act as the postgres user to create role $ROLE; run as root/postgres or set PGSUPERUSER_URL"
  fi
fi

sql() { "${PSQL_AS_SUPERUSER[@]}" -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

sql >/dev/null <<SQL || die "could not create role/database $ROLE"
SELECT format('CREATE ROLE %I LOGIN', '$ROLE')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE "$ROLE" WITH LOGIN PASSWORD '$PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$ROLE', '$ROLE')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$ROLE') \gexec
SQL

can_log_in \
  || die "role $ROLE cannot log in over TCP at $HOST:$PORT (check pg_hba.conf allows password auth)"
log "ready"
echo "TEST_DATABASE_URL=$URL"
