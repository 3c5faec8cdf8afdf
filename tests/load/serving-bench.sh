#!/usr/bin/env bash
# Merged-feed serving benchmark: wrk against feedhub's /feeds/all.atom and /feeds/all.json, with and
# without If-None-Match, next to nginx serving the very same bytes as static files (the ceiling).
#
#   tests/load/serving-bench.sh                 # build Release if needed, fill, measure, print the table
#   PROFILE_DIR=out tests/load/serving-bench.sh # also record a dotnet-trace CPU profile of feedhub under wrk
#
# Knobs (environment): THREADS (2), CONNECTIONS (64), DURATION (10s), WARMUP (2s), NGINX_WORKERS (auto),
# SOURCES (4), ITEMS_PER_SOURCE (13), FEEDHUB_PORT (18080), NGINX_PORT (18081), BUILD (auto|always|never),
# DOTNET_TRACE (path of dotnet-trace, for PROFILE_DIR), PROFILE_SECONDS (20), FEEDHUB_DLL (another build to measure,
# e.g. an older commit built elsewhere; BUILD applies only to this checkout) with FEEDHUB_LABEL (its name in the output).
# Everything listens on 127.0.0.1 only, every process started here is stopped by its PID on exit, and
# every wait is bounded.
set -euo pipefail

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
SOURCES=${SOURCES:-4}
ITEMS_PER_SOURCE=${ITEMS_PER_SOURCE:-13}
FEEDHUB_PORT=${FEEDHUB_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
BUILD=${BUILD:-auto}
PROFILE_DIR=${PROFILE_DIR:-}
PROFILE_SECONDS=${PROFILE_SECONDS:-20}
DOTNET_TRACE=${DOTNET_TRACE:-dotnet-trace}

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$REPO/tests/load"
DLL=${FEEDHUB_DLL:-"$REPO/src/FeedHub/bin/Release/net10.0/feedhub.dll"}
WORK=$(mktemp -d -t feedhub-serving.XXXXXX)
FEEDHUB_PID=""
NGINX_PID=""
TRACE_PID=""

stop() {
    local pid=$1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
    stop "$TRACE_PID"
    stop "$FEEDHUB_PID"
    stop "$NGINX_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() { command -v "$1" >/dev/null || { echo "serving-bench: $1 is required ($2)" >&2; exit 2; }; }
need wrk "apt-get install wrk"
need curl "apt-get install curl"
need python3 "apt-get install python3"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$NGINX" ]] || { echo "serving-bench: nginx is required (apt-get install nginx-light)" >&2; exit 2; }

if [[ "$BUILD" == always || ( "$BUILD" == auto && ! -f "$DLL" ) ]]; then
    dotnet build "$REPO/src/FeedHub" -c Release -nologo -v quiet >&2
fi
[[ -f "$DLL" ]] || { echo "serving-bench: $DLL not built" >&2; exit 2; }

# --- nginx: first the sources feedhub polls, later the copies of feedhub's output ---------------------
mkdir -p "$WORK/www" "$WORK/nginx" "$WORK/data"
chmod 755 "$WORK" "$WORK/www" # nginx workers run as an unprivileged user when started by root
python3 - "$WORK/www" "$SOURCES" "$ITEMS_PER_SOURCE" <<'PY'
import sys, datetime, html
root, sources, per_source = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
outlets = ["Thời sự", "Kinh doanh", "Thể thao", "Giáo dục", "Sức khỏe", "Du lịch", "Khoa học", "Pháp luật"]
places = ["Hà Nội", "TP HCM", "Đà Nẵng", "Cần Thơ", "Huế", "Hải Phòng", "Nha Trang", "Quảng Ninh"]
topics = ["giá xăng giảm lần thứ ba liên tiếp", "mưa lớn kéo dài gây ngập nhiều tuyến phố",
          "khai mạc hội chợ nông sản đặc sản vùng miền", "học sinh được nghỉ Tết Nguyên đán chín ngày",
          "bệnh viện tiếp nhận ca ghép tạng thứ một trăm", "đội tuyển bóng đá nữ giành huy chương vàng",
          "ngân hàng giảm lãi suất cho vay mua nhà", "du khách quốc tế tăng mạnh dịp cuối năm",
          "cầu mới nối hai bờ sông chính thức thông xe", "chợ hoa xuân mở cửa từ ngày hai mươi tháng Chạp"]
paragraph = ("Theo thông tin từ cơ quan chức năng, {t} tại {p}. Người dân cho biết họ đã chuẩn bị từ nhiều ngày trước, "
             "trong khi chính quyền địa phương tăng cường lực lượng hỗ trợ và khuyến cáo mọi người theo dõi thông tin chính thức. "
             "Các chuyên gia nhận định diễn biến này sẽ còn tiếp tục trong những tuần tới.")
base = datetime.datetime(2026, 1, 19, 7, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
for s in range(sources):
    items = []
    for i in range(per_source):
        n = s * per_source + i
        t, p = topics[n % len(topics)], places[(n // len(topics)) % len(places)]
        when = (base - datetime.timedelta(minutes=7 * n)).strftime("%a, %d %b %Y %H:%M:%S %z")
        body = "".join(f"<p>{html.escape(paragraph.format(t=t, p=p))}</p>" for _ in range(3))
        items.append(f"""<item><title>{html.escape(p)}: {html.escape(t)} (tin {n + 1})</title>
<link>http://127.0.0.1/nguon-{s}/tin-{n + 1}.html</link><guid isPermaLink="false">nguon-{s}-tin-{n + 1}</guid>
<pubDate>{when}</pubDate><category>{html.escape(outlets[n % len(outlets)])}</category>
<description>{html.escape(paragraph.format(t=t, p=p))}</description>
<content:encoded><![CDATA[{body}]]></content:encoded></item>""")
    with open(f"{root}/nguon-{s}.rss", "w", encoding="utf-8") as f:
        f.write(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Báo mẫu {s + 1}</title><link>http://127.0.0.1/nguon-{s}/</link><description>Tin tức mẫu cho đo tải</description>
<language>vi</language>{''.join(items)}</channel></rss>""")
PY

cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes $NGINX_WORKERS;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    etag on;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    types { application/rss+xml rss; application/atom+xml atom; application/feed+json json; }
    charset utf-8;
    charset_types application/rss+xml application/atom+xml application/feed+json;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
    }
}
EOF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!

wait_for() { # url seconds
    for _ in $(seq $(($2 * 10))); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "serving-bench: $1 did not answer within $2 s" >&2
    return 1
}
wait_for "http://127.0.0.1:$NGINX_PORT/nguon-0.rss" 10

# --- feedhub: SQLite in the temp folder, api and worker in one process, only the local sources ---------
# appsettings.json declares sources of its own: every one of its indexes is overridden with a local one.
declared=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1], encoding="utf-8-sig"))["FeedHub"].get("Sources", [])))' \
    "$(dirname "$DLL")/appsettings.json")
(( SOURCES >= declared )) || { echo "serving-bench: SOURCES must be at least $declared (the sources appsettings.json declares)" >&2; exit 2; }
env_sources=()
for s in $(seq 0 $((SOURCES - 1))); do
    env_sources+=("FeedHub__Sources__${s}__Name=Báo mẫu $((s + 1))"
        "FeedHub__Sources__${s}__Url=http://127.0.0.1:$NGINX_PORT/nguon-$s.rss"
        "FeedHub__Sources__${s}__Interval=01:00:00"
        "FeedHub__Sources__${s}__TimeZone=Asia/Ho_Chi_Minh")
done
(
    cd "$WORK"
    exec env "${env_sources[@]}" \
        ASPNETCORE_URLS="http://127.0.0.1:$FEEDHUB_PORT" \
        DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
        FeedHub__Fetching__AllowPrivateNetworks=true \
        FeedHub__Database__Provider=Sqlite \
        ConnectionStrings__FeedHub="Data Source=$WORK/data/feedhub.db" \
        dotnet "$DLL" serve >"$WORK/feedhub.log" 2>&1
) &
FEEDHUB_PID=$!
wait_for "http://127.0.0.1:$FEEDHUB_PORT/healthz" 60 || { tail -20 "$WORK/feedhub.log" >&2; exit 1; }

expected=$((SOURCES * ITEMS_PER_SOURCE))
for _ in $(seq 600); do
    entries=$(curl -fsS "http://127.0.0.1:$FEEDHUB_PORT/feeds/all.atom" | grep -o '<entry>' | wc -l || true)
    (( entries >= expected )) && break
    sleep 0.1
done
(( entries >= expected )) || { echo "serving-bench: /feeds/all.atom has $entries of $expected items after 60 s" >&2; tail -20 "$WORK/feedhub.log" >&2; exit 1; }

# --- the same bytes as static files -----------------------------------------------------------------------
etag_of() { curl -fsS -o /dev/null -D - "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }'; }
declare -A FH_ETAG NG_ETAG SIZE
for format in atom json; do
    curl -fsS -o "$WORK/www/all.$format" "http://127.0.0.1:$FEEDHUB_PORT/feeds/all.$format"
    FH_ETAG[$format]=$(etag_of "http://127.0.0.1:$FEEDHUB_PORT/feeds/all.$format")
    NG_ETAG[$format]=$(etag_of "http://127.0.0.1:$NGINX_PORT/all.$format")
    SIZE[$format]=$(stat -c %s "$WORK/www/all.$format")
    cmp -s <(curl -fsS "http://127.0.0.1:$NGINX_PORT/all.$format") "$WORK/www/all.$format" \
        || { echo "serving-bench: nginx does not serve feedhub's all.$format bytes" >&2; exit 1; }
done

status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
for format in atom json; do
    for check in "$FEEDHUB_PORT/feeds/all.$format 200" "$NGINX_PORT/all.$format 200"; do
        set -- $check
        [[ $(status_of "http://127.0.0.1:$1") == "$2" ]] || { echo "serving-bench: $1 is not $2" >&2; exit 1; }
    done
    [[ $(status_of -H "If-None-Match: ${FH_ETAG[$format]}" "http://127.0.0.1:$FEEDHUB_PORT/feeds/all.$format") == 304 ]] \
        || { echo "serving-bench: feedhub does not answer 304 to its own ETag" >&2; exit 1; }
    [[ $(status_of -H "If-None-Match: ${NG_ETAG[$format]}" "http://127.0.0.1:$NGINX_PORT/all.$format") == 304 ]] \
        || { echo "serving-bench: nginx does not answer 304 to its own ETag" >&2; exit 1; }
done

# --- optional CPU profile of feedhub under load -------------------------------------------------------------
if [[ -n "$PROFILE_DIR" ]]; then
    mkdir -p "$PROFILE_DIR"
    dotnet_pid=$(pgrep -P "$FEEDHUB_PID" -x dotnet || echo "$FEEDHUB_PID")
    for variant in 200 304; do
        header=()
        [[ $variant == 304 ]] && header=(-H "If-None-Match: ${FH_ETAG[atom]}")
        "$DOTNET_TRACE" collect -p "$dotnet_pid" --profile dotnet-sampled-thread-time --duration "00:00:$(printf %02d "$PROFILE_SECONDS")" \
            -o "$PROFILE_DIR/feedhub-atom-$variant.nettrace" >"$PROFILE_DIR/trace-$variant.log" 2>&1 &
        TRACE_PID=$!
        sleep 1
        timeout $((PROFILE_SECONDS + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((PROFILE_SECONDS + 2))s" "${header[@]}" \
            "http://127.0.0.1:$FEEDHUB_PORT/feeds/all.atom" >/dev/null
        timeout 60 tail --pid="$TRACE_PID" -f /dev/null || true
        TRACE_PID=""
        echo "profile: $PROFILE_DIR/feedhub-atom-$variant.nettrace" >&2
    done
fi

# --- measurements: feedhub then nginx for each case, back to back --------------------------------------------
run() { # url expected-status [header]
    local url=$1 status=$2 header=()
    [[ -n "${3:-}" ]] && header=(-H "$3")
    if [[ "$WARMUP" != 0 && "$WARMUP" != 0s ]]; then
        timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${header[@]}" "$url" >/dev/null
    fi
    timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${header[@]}" -s "$HERE/serving-bench.lua" "$url" -- "$status" \
        | awk '/^RESULT/ { print }'
}
ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

echo "feedhub: ${FEEDHUB_LABEL:-$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet HEAD -- src 2>/dev/null || echo " with uncommitted changes in src")}, Release, SQLite, roles api,worker, Kestrel on all $(nproc) cores;" \
    "nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), worker_processes $NGINX_WORKERS, sendfile, etag on, access_log off"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a ${WARMUP} warm-up); items: $expected; all.atom ${SIZE[atom]} B, all.json ${SIZE[json]} B"
echo
printf '| %-16s | %-7s | %12s | %12s | %6s | %6s | %15s | %15s | %s |\n' path variant "feedhub req/s" "nginx req/s" ratio target "feedhub p50/p99" "nginx p50/p99" verdict
printf '|%s|\n' "------------------|---------|---------------|--------------|--------|--------|-----------------|-----------------|--------"
failed=0
for format in atom json; do
    for variant in 200 304; do
        fh_header="" ng_header="" target=50
        if [[ $variant == 304 ]]; then
            fh_header="If-None-Match: ${FH_ETAG[$format]}" ng_header="If-None-Match: ${NG_ETAG[$format]}" target=70
        fi
        fh=$(run "http://127.0.0.1:$FEEDHUB_PORT/feeds/all.$format" "$variant" "$fh_header")
        ng=$(run "http://127.0.0.1:$NGINX_PORT/all.$format" "$variant" "$ng_header")
        for result in "$fh" "$ng"; do
            if [[ -z "$result" || $(field other "$result") != 0 || $(field errors "$result") != 0 ]]; then
                echo "serving-bench: a run answered other than $variant or had errors: ${result:-no result}" >&2
                failed=1
            fi
        done
        fh_rps=$(field rps "$fh") ng_rps=$(field rps "$ng")
        ratio=$(awk -v a="$fh_rps" -v b="$ng_rps" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')
        if (( ratio >= target )); then verdict=met; else verdict=missed; failed=1; fi
        printf '| %-16s | %-7s | %13.0f | %12.0f | %5s%% | ≥ %3s%% | %15s | %15s | %s |\n' "/feeds/all.$format" "$variant" "$fh_rps" "$ng_rps" \
            "$ratio" "$target" "$(ms "$(field p50_us "$fh")")/$(ms "$(field p99_us "$fh")") ms" \
            "$(ms "$(field p50_us "$ng")")/$(ms "$(field p99_us "$ng")") ms" "$verdict"
    done
done
exit "$failed"
