#!/usr/bin/env bash
# Live proof for peerconf: loads a generated router configuration, unmodified, into a real
# router (FRR or BIRD 2) in a network namespace "customer", runs an independent router as the
# cloud side in a namespace "cloud", joins them with a veth pair and checks what happens.
#
# Needs root, `ip netns`, FRR (/usr/lib/frr/{zebra,staticd,bgpd}, vtysh), BIRD 2 (bird,
# birdc), nstat and ping. Driven by Tests/PeerConfTests/Live/LiveBGPTests.swift; it can also
# run alone (see Tests/Live/README-section.md).
#
# Every wait is bounded; the daemons it started are killed by pid and both namespaces are
# deleted on every exit (success, failure, Ctrl-C, SIGTERM). Namespace names are unique per
# run; only addresses inside the two namespaces (and their own loopbacks) are used.
#
# Usage: live-bgp.sh [options]
#   --mode bgp|wrong-key|static   what to prove (see below)
#   --customer frr|bird           the customer side's router software
#   --customer-config FILE        the generated configuration: an frr.conf, or a BIRD snippet
#                                 that this script's bird.conf includes unmodified
#   --cloud bird|frr              the cloud side's router software
#   --cloud-config FILE           the cloud side's complete configuration
#   --link NAME                   the customer interface the configuration names (eth0.100)
#   --customer-address CIDR       an address the OS puts on the link (BIRD does not configure
#                                 interfaces; FRR does, from its configuration); repeatable
#   --cloud-address CIDR          an address of the cloud end of the link; repeatable
#   --cloud-host CIDR             an address on the cloud namespace's loopback; repeatable
#   --customer-loopback CIDR      an address on the customer namespace's loopback (a router's
#                                 loopback, where FRR takes its BGP router id from); repeatable
#   --sessions N                  BGP sessions expected on each side (bgp, wrong-key)
#   --cloud-receives "P ..."      bgp: exactly the prefixes the cloud learns over BGP
#   --customer-receives "P ..."   bgp: exactly the prefixes the customer learns over BGP;
#                                 static: exactly the customer's static routes in the kernel
#   --ping ADDR                   static: reachable from the customer once configured
#                                 (and not before); repeatable
#   --no-ping ADDR                static: not reachable from the customer; repeatable
#   --wait SECONDS                the bound of each wait (default 10); wrong-key: how long
#                                 the session must stay down (default 8)
#   --keep                        keep the work folder (logs, configs) after the run
#
# Modes:
#   bgp        every session reaches Established on both sides, then the learned prefix sets
#              equal the expected sets exactly (and still do one second later).
#   wrong-key  no session reaches Established during the whole wait, and the kernel's
#              TcpExtTCPMD5Failure counters rise on both sides.
#   static     before the configuration is loaded the --ping addresses are unreachable;
#              afterwards the customer's static routes are exactly the expected set, every
#              --ping address answers and no --no-ping address does.
#
# Exit status: 0 when everything held, 1 when a check failed, 2 for a usage or setup error.
set -euo pipefail

mode="" customer="" customer_config="" cloud="" cloud_config="" link=""
customer_addresses=() cloud_addresses=() cloud_hosts=() customer_loopbacks=() ping_targets=() no_ping_targets=()
sessions=1 cloud_expected="" customer_expected="" wait_bound="" keep=0

usage() { sed -n '/^# Usage:/,/^# Exit status/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --mode) mode=$2; shift 2 ;;
        --customer) customer=$2; shift 2 ;;
        --customer-config) customer_config=$2; shift 2 ;;
        --cloud) cloud=$2; shift 2 ;;
        --cloud-config) cloud_config=$2; shift 2 ;;
        --link) link=$2; shift 2 ;;
        --customer-address) customer_addresses+=("$2"); shift 2 ;;
        --cloud-address) cloud_addresses+=("$2"); shift 2 ;;
        --cloud-host) cloud_hosts+=("$2"); shift 2 ;;
        --customer-loopback) customer_loopbacks+=("$2"); shift 2 ;;
        --sessions) sessions=$2; shift 2 ;;
        --cloud-receives) cloud_expected=$2; shift 2 ;;
        --customer-receives) customer_expected=$2; shift 2 ;;
        --ping) ping_targets+=("$2"); shift 2 ;;
        --no-ping) no_ping_targets+=("$2"); shift 2 ;;
        --wait) wait_bound=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) usage 0 ;;
        *) echo "live-bgp.sh: unknown option $1" >&2; usage ;;
    esac
done
case "$mode" in bgp|static) : "${wait_bound:=10}" ;; wrong-key) : "${wait_bound:=8}" ;; *) usage ;; esac
case "$customer" in frr|bird) ;; *) usage ;; esac
case "$cloud" in frr|bird) ;; *) usage ;; esac
[ -r "$customer_config" ] && [ -r "$cloud_config" ] && [ -n "$link" ] || usage
[[ $wait_bound =~ ^[0-9]+$ && $sessions =~ ^[0-9]+$ ]] || usage
[ "$mode" != static ] || [ "$customer" = frr ] || { echo "live-bgp.sh: static mode runs an FRR customer" >&2; exit 2; }

now_us() { echo "${EPOCHREALTIME/./}"; }   # microseconds
started=$(now_us)
# A blocked SIGTERM is inherited by the daemons: they could not be stopped cleanly, and this
# script could not clean up when a caller's timeout stops it. (A test runner's threads block
# signals; the Swift test unblocks them before starting this script.)
blocked=$(awk '/^SigBlk:/ { print $2 }' /proc/$$/status)
if (( (16#$blocked >> 14) & 1 )); then echo "live-bgp.sh: started with SIGTERM blocked; start it with signals unblocked" >&2; exit 2; fi
log() { local t=$(( $(now_us) - started )); printf 'live [%3d.%02ds] %s\n' $((t / 1000000)) $((t % 1000000 / 10000)) "$*"; }
fail() { log "FAILED: $*"; exit 1; }

# Unique per run, so parallel runs (other worktrees, other test processes) cannot collide.
tag="pc$$-${RANDOM}"
ns_customer="$tag-cust" ns_cloud="$tag-cloud"
work=$(mktemp -d "/tmp/peerconf-live-$tag.XXXXXX")
chmod 711 "$work"   # the FRR daemons run as user frr and need to reach their folder
export NSTAT_HISTORY="$work/nstat.history"   # nstat's history file stays private (-s: never written)
pidfiles=()
cloud_link=dx0

in_customer() { ip netns exec "$ns_customer" "$@"; }
in_cloud() { ip netns exec "$ns_cloud" "$@"; }
in_side() { local side=$1; shift; if [ "$side" = customer ]; then in_customer "$@"; else in_cloud "$@"; fi; }
software_of() { if [ "$1" = customer ]; then echo "$customer"; else echo "$cloud"; fi; }

# --- observation (used by the checks and by the failure report) ---------------------------

# One line per BGP session: "NAME STATE" (BIRD: "NAME INFO", e.g. "Established" or
# "Idle BGP Error: Bad BGP identifier"). Every query is bounded, like every wait.
sessions_of() {
    local side=$1
    if [ "$(software_of "$side")" = frr ]; then
        in_side "$side" timeout 5 vtysh --vty_socket "$work/$side" -c 'show bgp neighbors' 2>/dev/null \
            | awk '/^BGP neighbor is/ { sub(",", "", $4); peer = $4 } /BGP state = / { sub(",", "", $4); print peer, $4 }' || true
    else
        timeout 5 birdc -s "$work/$side/bird.ctl" show protocols 2>/dev/null \
            | awk '$2 == "BGP" { info = $6; for (i = 7; i <= NF; i++) info = info " " $i; print $1, info }' || true
    fi
}
established_count() { sessions_of "$1" | awk '$2 == "Established"' | wc -l; }

# The kernel protocol numbers zebra installs with (FRR's rt_protos.d/frr.conf): numbers,
# because the name "static" means 4 in iproute2's own table and 196 in FRR's.
proto_frr_bgp=186 proto_frr_static=196

# The prefixes a side learned over BGP (after its import policy), sorted, one per line.
# FRR: what zebra installed in the namespace's kernel table; BIRD: its own tables.
learned_of() {
    local side=$1
    if [ "$(software_of "$side")" = frr ]; then
        kernel_routes "$side" "$proto_frr_bgp"
    else
        timeout 5 birdc -s "$work/$side/bird.ctl" show route where source = RTS_BGP 2>/dev/null \
            | awk '$1 ~ /\// { print $1 }' | sort -u || true
    fi
}

# The routes of one kernel protocol in a side's namespace, as prefixes, sorted.
kernel_routes() {
    local side=$1 proto=$2
    { in_side "$side" ip -4 route show proto "$proto"; in_side "$side" ip -6 route show proto "$proto"; } 2>/dev/null \
        | awk '{ p = ($1 == "blackhole" || $1 == "unreachable") ? $2 : $1; if (p !~ /\//) p = p (p ~ /:/ ? "/128" : "/32"); print p }' \
        | sort -u || true
}

md5_failures() {
    in_side "$1" nstat -asz TcpExtTCPMD5Failure 2>/dev/null | awk '$1 == "TcpExtTCPMD5Failure" { print $2; found = 1 } END { if (!found) print 0 }'
}

normalize() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -u; }
one_line() { tr '\n' ' ' | sed 's/ $//'; }

report() {
    echo "----- what the live run saw -----"
    for side in customer cloud; do
        [ -d "$work/$side" ] || continue
        echo "$side ($(software_of "$side")) sessions:"; sessions_of "$side" | sed 's/^/  /'
        echo "$side learned over BGP: $(learned_of "$side" | one_line)"
        [ "$(software_of "$side")" != frr ] || echo "$side static routes in the kernel: $(kernel_routes "$side" "$proto_frr_static" | one_line)"
        echo "$side TcpExtTCPMD5Failure: $(md5_failures "$side")"
        echo "$side addresses:"; in_side "$side" ip -br address 2>/dev/null | sed 's/^/  /' || true
        for logfile in "$work/$side"/*.log; do
            [ -s "$logfile" ] || continue
            echo "$side $(basename "$logfile") (last 15 lines):"; tail -n 15 "$logfile" | sed 's/^/  /'
        done
    done
    [ -z "$cloud_expected" ] || echo "expected the cloud to learn: $(normalize "$cloud_expected" | one_line)"
    [ -z "$customer_expected" ] || echo "expected the customer to have: $(normalize "$customer_expected" | one_line)"
    echo "---------------------------------"
}

# --- cleanup: on every exit ----------------------------------------------------------------

# Whether a process still runs: an exited daemon stays a zombie until its new parent reaps it.
running() { local state; state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) && [ -n "$state" ] && [ "$state" != Z ]; }

cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    set +e
    [ "$status" -eq 0 ] || report
    local pid pids=()
    for pidfile in "${pidfiles[@]}"; do
        pid=$(cat "$pidfile" 2>/dev/null) && [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
    done
    for _ in $(seq 30); do   # at most 3 s for a clean stop, then SIGKILL
        local alive=0
        for pid in "${pids[@]}"; do running "$pid" && alive=1; done
        [ "$alive" -eq 0 ] && break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null; done
    ip netns delete "$ns_customer" 2>/dev/null
    ip netns delete "$ns_cloud" 2>/dev/null
    if [ "$keep" -eq 1 ]; then echo "live: work folder kept: $work"; else rm -rf "$work"; fi
    log "cleaned up (exit $status)"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Polls COMMAND every 0.1 s until it succeeds or SECONDS pass.
wait_until() {
    local seconds=$1; shift
    local deadline=$(( $(now_us) + seconds * 1000000 ))
    until "$@"; do
        [ "$(now_us)" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

# --- the two namespaces and the link -------------------------------------------------------

[ "$(id -u)" -eq 0 ] || { echo "live-bgp.sh: needs root" >&2; exit 2; }
ip netns add "$ns_customer"
ip netns add "$ns_cloud"
for ns in "$ns_customer" "$ns_cloud"; do
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
    ip -n "$ns" link set lo up
done
# No 802.1Q in every kernel: the customer end of the veth is named like the subinterface
# (eth0.100), so the generated `interface eth0.100` block applies to it.
ip link add "$link" netns "$ns_customer" type veth peer name "$cloud_link" netns "$ns_cloud"
ip -n "$ns_customer" link set "$link" up
ip -n "$ns_cloud" link set "$cloud_link" up
for cidr in "${customer_addresses[@]}"; do ip -n "$ns_customer" address add "$cidr" dev "$link" nodad 2>/dev/null || ip -n "$ns_customer" address add "$cidr" dev "$link"; done
for cidr in "${cloud_addresses[@]}"; do ip -n "$ns_cloud" address add "$cidr" dev "$cloud_link" nodad 2>/dev/null || ip -n "$ns_cloud" address add "$cidr" dev "$cloud_link"; done
for cidr in "${cloud_hosts[@]}"; do ip -n "$ns_cloud" address add "$cidr" dev lo; done
for cidr in "${customer_loopbacks[@]}"; do ip -n "$ns_customer" address add "$cidr" dev lo; done
log "namespaces $ns_customer and $ns_cloud joined by $link <-> $cloud_link"

# --- routers -------------------------------------------------------------------------------

sockets_ready() { local dir=$1; shift; for name in "$@"; do [ -S "$dir/$name" ] || return 1; done; }

start_frr() {
    local side=$1 config=$2 dir="$work/$1"
    mkdir -p "$dir"; chown frr:frr "$dir"
    local daemon
    for daemon in zebra staticd bgpd; do
        pidfiles+=("$dir/$daemon.pid")
        in_side "$side" "/usr/lib/frr/$daemon" -d -f /dev/null -i "$dir/$daemon.pid" --vty_socket "$dir" \
            -z "$dir/zserv.api" -A 127.0.0.1 -u frr -g frr --log "file:$dir/$daemon.log" \
            </dev/null >>"$dir/$daemon.out" 2>&1 || { echo "$daemon failed to start:"; cat "$dir/$daemon.out"; exit 2; }
        [ "$daemon" != zebra ] || wait_until "$wait_bound" sockets_ready "$dir" zserv.api zebra.vty \
            || { echo "zebra's sockets did not appear"; exit 2; }
    done
    wait_until "$wait_bound" sockets_ready "$dir" staticd.vty bgpd.vty || { echo "FRR's vty sockets did not appear"; exit 2; }
    # The configuration goes in exactly as written, through FRR's own shell.
    in_side "$side" timeout 20 vtysh --vty_socket "$dir" -f "$config" >"$dir/vtysh.out" 2>&1 \
        || { echo "vtysh rejected $config:"; cat "$dir/vtysh.out"; exit 1; }
    log "$side: FRR (zebra, staticd, bgpd) running $(basename "$config")"
}

start_bird() {
    local side=$1 config=$2 dir="$work/$1"
    mkdir -p "$dir"
    pidfiles+=("$dir/bird.pid")
    in_side "$side" bird -c "$config" -s "$dir/bird.ctl" -P "$dir/bird.pid" </dev/null >"$dir/bird.out" 2>&1 \
        || { echo "bird rejected $config:"; cat "$dir/bird.out"; exit 1; }
    wait_until "$wait_bound" sockets_ready "$dir" bird.ctl || { echo "bird's control socket did not appear"; exit 2; }
    log "$side: BIRD running $(basename "$config")"
}

# A customer running BIRD: a bird.conf with what the snippet says it needs around it
# (router id, protocol device, a kernel protocol per family), including the snippet unmodified.
customer_bird_conf() {
    cat <<EOF
router id 10.255.255.2;
log "$work/customer/bird.log" all;
protocol device {
}
protocol kernel {
  ipv4 { export all; };
}
protocol kernel {
  ipv6 { export all; };
}
include "$(realpath "$customer_config")";
EOF
}

ping_ok() { in_customer ping -c 1 -W 1 "$1" >/dev/null 2>&1; }

# The namespaces are new: their MD5 failure counters start here (at 0).
customer_md5_before=$(md5_failures customer) cloud_md5_before=$(md5_failures cloud)

# The cloud side starts first: it waits for the customer like the cloud's gateway would.
if [ "$cloud" = frr ]; then start_frr cloud "$cloud_config"; else start_bird cloud "$cloud_config"; fi

if [ "$mode" = static ]; then
    for target in "${ping_targets[@]}"; do
        ! ping_ok "$target" || fail "$target answers before the customer configuration is loaded"
    done
    log "before the configuration: ${ping_targets[*]} unreachable from the customer, as expected"
fi

if [ "$customer" = frr ]; then
    start_frr customer "$customer_config"
else
    mkdir -p "$work/customer"
    customer_bird_conf >"$work/customer/bird.conf"
    start_bird customer "$work/customer/bird.conf"
fi

# --- the checks ----------------------------------------------------------------------------

all_established() { [ "$(established_count customer)" -eq "$sessions" ] && [ "$(established_count cloud)" -eq "$sessions" ]; }
learned_as_expected() {
    [ "$(learned_of cloud)" = "$(normalize "$cloud_expected")" ] && [ "$(learned_of customer)" = "$(normalize "$customer_expected")" ]
}
static_as_expected() { [ "$(kernel_routes customer "$proto_frr_static")" = "$(normalize "$customer_expected")" ]; }

case "$mode" in
bgp)
    wait_until "$wait_bound" all_established || fail "not every session reached Established within ${wait_bound}s"
    log "Established: $(sessions_of customer | one_line) (customer), $(sessions_of cloud | one_line) (cloud)"
    wait_until "$wait_bound" learned_as_expected || fail "the learned prefixes are not exactly the expected ones after ${wait_bound}s"
    sleep 1   # nothing more arrives later
    learned_as_expected || fail "the learned prefixes changed after they matched"
    all_established || fail "a session dropped after the routes were exchanged"
    log "cloud learned exactly: $(learned_of cloud | one_line)"
    log "customer learned exactly: $(learned_of customer | one_line)"
    log "TcpExtTCPMD5Failure (matching keys): customer $(md5_failures customer), cloud $(md5_failures cloud)"
    ;;
wrong-key)
    deadline=$(( $(now_us) + wait_bound * 1000000 )) polls=0
    while [ "$(now_us)" -lt "$deadline" ]; do
        [ "$(established_count customer)" -eq 0 ] && [ "$(established_count cloud)" -eq 0 ] \
            || fail "a session reached Established although the keys differ"
        polls=$((polls + 1)); sleep 0.2
    done
    customer_md5_after=$(md5_failures customer) cloud_md5_after=$(md5_failures cloud)
    log "no session Established during ${wait_bound}s ($polls polls): $(sessions_of customer | one_line) (customer), $(sessions_of cloud | one_line) (cloud)"
    log "TcpExtTCPMD5Failure: customer $customer_md5_before -> $customer_md5_after, cloud $cloud_md5_before -> $cloud_md5_after"
    [ "$customer_md5_after" -gt "$customer_md5_before" ] || fail "the customer kernel counted no MD5 failure"
    [ "$cloud_md5_after" -gt "$cloud_md5_before" ] || fail "the cloud kernel counted no MD5 failure"
    [ -z "$(learned_of cloud)" ] && [ -z "$(learned_of customer)" ] || fail "routes were learned without a session"
    ;;
static)
    wait_until "$wait_bound" static_as_expected || fail "the customer's static routes are not exactly the expected ones after ${wait_bound}s"
    log "customer static routes exactly: $(kernel_routes customer "$proto_frr_static" | one_line)"
    for target in "${ping_targets[@]}"; do
        wait_until "$wait_bound" ping_ok "$target" || fail "$target does not answer from the customer side"
        log "ping $target from the customer: answered"
    done
    for target in "${no_ping_targets[@]}"; do
        ! ping_ok "$target" || fail "$target answers although no route leads there"
        log "ping $target from the customer: no answer, as expected"
    done
    ;;
esac
log "PASSED ($mode, customer $customer, cloud $cloud)"
