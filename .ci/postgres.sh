# Sourced by .ci/run: a throwaway PostgreSQL server for the tests' server half (docs/server.md, "Tests").
# initdb + pg_ctl in a temporary directory, as an unprivileged user (initdb refuses root), listening
# on 127.0.0.1 only, on a free port; stopped and removed when the script exits (trap). Exports
# ZWGK_TEST_PG_URL and ZWGK_TEST_PG_REQUIRED=1, so a missing server fails the run instead of skipping.

pg_bin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_install() {
  [ -n "$(pg_bin)" ] && return
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    apt-get update -qq >/dev/null
    # Debian 12: PostgreSQL 15 with its contrib modules (pg_trgm); no cluster of its own is needed.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  [ -n "$(pg_bin)" ] || { echo "FAIL: PostgreSQL (initdb, pg_ctl) is not installed and cannot be" >&2; exit 1; }
}

pg_start() {
  pg_install
  PG_BIN="$(pg_bin)"
  PG_DIR="$(mktemp -d /tmp/zwgk-ci-pg.XXXXXX)"
  PG_PORT="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  PG_PASSWORD="$(python -c 'import secrets; print(secrets.token_hex(12))')"
  PG_AS=()
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres "$PG_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  trap pg_stop EXIT
  echo "$PG_PASSWORD" > "$PG_DIR/pw"
  [ "${#PG_AS[@]}" -gt 0 ] && chown postgres "$PG_DIR/pw"
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    -A scram-sha-256 --pwfile="$PG_DIR/pw" >/dev/null
  rm -f "$PG_DIR/pw"
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 120 start -o \
    "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR -c max_connections=60 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  local waited=0
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 5; do
    waited=$((waited + 1))
    if [ "$waited" -ge 60 ]; then
      echo "FAIL: PostgreSQL did not accept connections (log: $PG_DIR/log)" >&2
      cat "$PG_DIR/log" >&2
      exit 1
    fi
    sleep 2
  done
  export ZWGK_TEST_PG_URL="postgresql://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres"
  export ZWGK_TEST_PG_REQUIRED=1
  echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the server half on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
