# Starts the servers the integration tests need, from Debian's packages, without systemd, and stops
# them again on exit. Sourced by tests/test.sh. Exports FEEDHUB_TEST_POSTGRES and FEEDHUB_TEST_RABBITMQ
# for the tests; a server that cannot be had is left unset, and the tests say so (and fail under CI).

services_dir=""
rabbit_started=""
pg_ctl_stop=()

services_install() {
    local missing=()
    [ -n "${FEEDHUB_TEST_POSTGRES:-}" ] && [ -n "${FEEDHUB_TEST_RABBITMQ:-}" ] && return 0
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
    command -v rabbitmq-server >/dev/null || missing+=(rabbitmq-server)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "services: ${missing[*]} not installed and not root; those tests will report the server missing" >&2
        return 0
    fi
    echo "services: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Debian's feedparser, which the feed output tests run through /usr/bin/python3 (they fail without it under CI).
services_install_feedparser() {
    /usr/bin/python3 -c "import feedparser" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "services: python3-feedparser not installed and not root; the feedparser tests will skip (or fail under CI)" >&2
        return 0
    fi
    echo "services: installing python3-feedparser" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends python3-feedparser >/dev/null
}

# Debian's Chromium, which the admin page tests drive through Playwright (they fail without it under CI).
services_install_chromium() {
    [ -x "${FEEDHUB_TEST_CHROMIUM:-/usr/bin/chromium}" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "services: chromium not installed and not root; the browser tests will skip (or fail under CI)" >&2
        return 0
    fi
    echo "services: installing chromium" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=120 install -y -qq --no-install-recommends chromium >/dev/null
}

services_start_postgres() {
    # A server given from outside (CI service containers) is used as it is.
    [ -n "${FEEDHUB_TEST_POSTGRES:-}" ] && return 0
    local initdb bindir data as_postgres=()
    initdb=$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1) || return 0
    [ -n "$initdb" ] || return 0
    bindir=$(dirname "$initdb")
    data="$services_dir/postgres"
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then
        chown postgres:postgres "$data"
        as_postgres=(su postgres -s /bin/sh -c)
    else
        as_postgres=(sh -c)
    fi
    # A throwaway cluster: trust auth on loopback only, no fsync (test data), its own port and socket dir.
    "${as_postgres[@]}" "'$bindir/initdb' -D '$data/data' -U postgres --auth=trust -E UTF8 >'$data/initdb.log' 2>&1" || {
        echo "services: initdb failed (see $data/initdb.log)" >&2; return 0; }
    "${as_postgres[@]}" "'$bindir/pg_ctl' -D '$data/data' -l '$data/server.log' -w -t 60 -o \"-p 55432 -k '$data' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400\" start >/dev/null" || {
        echo "services: PostgreSQL did not start (see $data/server.log)" >&2; return 0; }
    export FEEDHUB_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres;Pooling=true"
    pg_ctl_stop=("${as_postgres[@]}" "'$bindir/pg_ctl' -D '$data/data' -m fast -w stop >/dev/null 2>&1")
    echo "services: PostgreSQL on 127.0.0.1:55432" >&2
}

services_start_rabbitmq() {
    [ -n "${FEEDHUB_TEST_RABBITMQ:-}" ] && return 0
    command -v rabbitmq-server >/dev/null || return 0
    local pidfile
    pidfile="/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid"
    if ! rabbitmqctl -q ping >/dev/null 2>&1; then
        rabbitmq-server -detached >/dev/null 2>&1
        rabbit_started=yes
        if ! rabbitmqctl -q wait --timeout 90 "$pidfile" >/dev/null 2>&1; then
            echo "services: RabbitMQ did not start" >&2; return 0
        fi
    fi
    export FEEDHUB_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:5672/"
    echo "services: RabbitMQ on 127.0.0.1:5672" >&2
}

services_stop() {
    if [ ${#pg_ctl_stop[@]} -gt 0 ]; then
        "${pg_ctl_stop[@]}" || true
    fi
    if [ -n "$rabbit_started" ]; then
        rabbitmqctl -q stop "/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid" >/dev/null 2>&1 || true
        epmd -kill >/dev/null 2>&1 || true
    fi
    [ -n "$services_dir" ] && rm -rf "$services_dir"
}

services_up() {
    services_dir=$(mktemp -d "${TMPDIR:-/tmp}/feedhub-services.XXXXXX")
    chmod 755 "$services_dir"
    trap services_stop EXIT
    services_install
    services_install_feedparser
    services_install_chromium
    services_start_postgres
    services_start_rabbitmq
}
