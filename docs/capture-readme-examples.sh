#!/usr/bin/env bash
# Prints every example of README.md — the command as the README shows it, then its real output
# and, when it is not 0, its exit code — each on a fresh data folder, section by section.
#
#   ./mvnw -B -ntp -q -DskipTests package
#   docs/capture-readme-examples.sh [base-folder] > /tmp/readme-examples.txt
#
# base-folder (default /tmp/readme-capture-<time>) must not exist; every scenario gets its own
# data folder under it, so each starts from a fresh demo world (a copy of one seeded at the start). Run it from anywhere; it uses
# the jar of the checkout it lives in (PDM_BOT_JAR overrides). Needs bash, curl and python3 (to hold a port).
# It takes a few minutes (one JVM per command). Compare with the README and replace what changed:
# outputs are captured, never edited by hand.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar=${PDM_BOT_JAR:-$root/bot/target/pdm-bot.jar}
base=${1:-/tmp/readme-capture-$(date +%s)}
[ -f "$jar" ] || { echo "no jar at $jar: run ./mvnw -B -ntp -q -DskipTests package first" >&2; exit 2; }
[ -e "$base" ] && { echo "$base exists: give a folder that does not" >&2; exit 2; }
mkdir -p "$base"
# A misspelt PDM_ variable or a real token in the caller's environment must not change the output.
for v in $(env | sed -n 's/^\(PDM_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done

data=
# The demo world's code lives in its GitLab emulator: the canonical project's repository (a checkout).
canonical() { echo "$data/demo/gitlab-emulator/repositories/gitlab-org/gitlab.git"; }
# starts a console on the current data folder with extra config $1 (may be empty), its output in $base/$2
console_start() {
    mkdir -p "$data"
    fifo="$base/$2-input"; mkfifo "$fifo"
    local cfg=(); [ -n "$1" ] && cfg=(--config "$1")
    (cd "$base" && exec java -jar "$jar" --data "$data" "${cfg[@]}" console < "$fifo" > "$base/$2" 2>&1) & console=$!
    exec 7> "$fifo"
}
# waits (at most $2 s) until the console output $1 holds the text $3
console_wait() { local deadline=$((SECONDS + $2)); until grep -q -- "$3" "$base/$1" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done; }
section() { printf '\n\n######## %s  (data folder %s)\n' "$1" "$data"; }
# Every scenario starts from a copy of one freshly seeded data folder (seeding the emulator takes most of a first
# start's time); PDM_CAPTURE_SEED_EACH=1 seeds each one instead. The copy is what a first start leaves: the
# emulator's state and repositories and a store that has read them, no run, no lock.
template="$base/.template"
(cd "$base" && java -jar "$jar" --data "$template" say help > /dev/null 2>&1) \
    || { echo "cannot seed the demo world in $template" >&2; exit 2; }
rm -f "$template/say-relay.endpoint" "$template/demo/emulator.json"
fresh() {
    data="$base/$1"
    if [ "${PDM_CAPTURE_SEED_EACH:-0}" != 1 ] && [ ! -e "$data" ]; then mkdir -p "$(dirname "$data")"; cp -a "$template" "$data"; fi
}
show_rc() { local rc=$1; [ "$rc" -ne 0 ] && echo "(exit $rc)"; return 0; }

# say WORDS… : runs `pdm-bot say` on the current data folder, printed as the README shows it.
say() {
    case "$*" in
        *'"'*) printf "\n\$ pdm-bot say '%s'\n" "$*" ;;
        *) printf '\n$ pdm-bot say "%s"\n' "$*" ;;
    esac
    (cd "$base" && java -jar "$jar" --data "$data" say "$@" 2>&1); show_rc $?
}
# run COMMAND-LINE… : any other pdm-bot command line (options, subcommands), printed as typed.
run() {
    local shown= a
    for a in "$@"; do case "$a" in *' '*) shown+=" \"$a\"" ;; *) shown+=" $a" ;; esac; done
    printf '\n$ pdm-bot%s\n' "$shown"
    (cd "$base" && java -jar "$jar" --data "$data" "$@" 2>&1); show_rc $?
}

fresh help; section "Chat commands: help"
say help
say help pdm execute
say help demo
say help deploy
say deploy cf930cc2066 into gprd

fresh status; section "pdm status"
say pdm status

fresh run; section "pdm execute, pdm run, pdm runs, pdm retry (one data folder, in this order)"
say demo deploy start gstg
say pdm execute --dry-run
say demo deploy finish gstg
say demo fail next 20231107025611
say pdm execute --confirm
say pdm run 1
say pdm runs
say demo fail clear
say pdm retry 1
say pdm retry 1 --confirm
say pdm status
say migration status 20231107035712

fresh retry-checks; section "pdm retry passes the production checks of its moment (in this order)"
say demo fail next qa
say pdm execute --confirm
say pdm status
say demo incident open 1
say demo deploy start gprd
say pdm retry 1
say pdm retry 1 --confirm
say demo incident close
say demo deploy finish gprd
say demo incident open 3
say pdm retry 1
say pdm retry 1 --confirm
say pdm run 1

fresh lock; section "pdm lock / pdm unlock"
say 'pdm lock gprd "database maintenance window"'
say pdm unlock gprd
say pdm unlock gprd --confirm
say pdm lock mars

fresh ledger; section "migration …, package migrations, auto_deploy status, rules list"
say migration explain 20231030061519
say migration explain FinalizeBackfillIssuesNamespaceId
say migration status 20231107035712
say migration status UpdateIssuesWorkItemTypeForIncident
say migration status remove_merge_requests_merge_jid_column
say migration package 20231030083236
say migration package 2023110
say package migrations 16.6.202311011140
say package migrations 16.7.2023
say package migrations latest
say auto_deploy status a7493c93741
say auto_deploy status
say rules list
say rules reload

fresh demo; section "demo …"
say demo incident open 1
say pdm execute --dry-run
say demo incident close
say demo incident close
say demo cr open C2
say demo cr close
say demo fail next qa
say demo fail next 20231107025611
say demo fail next 20231107025611 --error deadlock
say demo fail clear

fresh decide; section "pdm schedule, rollback check, pdm execute --only (run decisions)"
say pdm schedule
say pdm schedule --days 1
say pdm schedule --at tomorrowish
say rollback check
say rollback check gprd --target 16.7.202311061900-d4dfd4c3588.3e8fd34e749
say rollback check gprd --target 16.7.202311070140-3bb0b14be1e.c8e7c2ef99
say pdm execute --only sidekiq_only --dry-run
say pdm execute --only 20231107025611 --dry-run
say pdm execute --only sidekiq_onyl

fresh subset; section "pdm execute --only without --dry-run: a subset run (in this order)"
say pdm execute --only 20231107025611 --confirm
say pdm execute --only sidekiq_only
say pdm execute --only sidekiq_only --confirm
say pdm run 1
say pdm status
say rollback check gprd

fresh demo-decide; section "demo clock, demo health, demo bbm (in this order)"
say demo clock saturday 03:00
say pdm status
say demo health autovacuum merge_requests
say pdm schedule
say demo health clear
say demo bbm finish BackfillProjectsOrganizationId
say demo clock 2026-12-01 14:00
say demo clock real

fresh triage; section "triage (a deadlock on db/gstg; in this order)"
say demo fail next 20231107025611 --error deadlock
say pdm execute --confirm
say triage run 1
say triage
say triage answer 1 retry yes
say triage answer 1 retry no
say triage answer 1 block yes
say triage answer 1 block no
say triage answer 1 mitigation ddl
say triage answer 1 incident 3
say triage answer 1 hand-over @bob
say triage answer 1 close

fresh triage-mark; section "triage and migrations mark (a failure on db/gprd, the instance's own databases; in this order)"
say demo fail next 20231106122226 --error statement-timeout
say pdm execute --confirm
say triage answer 1 mitigation dml
say migrations mark 20231106122226 --database main --env gstg --confirm
say migrations mark 20231106122226 --database main --env gprd
say migrations mark 20231106122226 --database main --env gprd --confirm
say triage answer 1 close
say pdm retry 1 --confirm

fresh deploy; section "deploy, deploy status (in this order)"
say help > /dev/null   # seeds the demo world, to read the diverged hotfix's sha
diverged=$(git -C "$(canonical)" rev-parse --short=11 refs/heads/hotfix/api-cache-warmer)
say deploy cf930cc2066 to gprd
say deploy cf930cc2066 to gprd --confirm
say deploy status
say deploy "$diverged" to gprd
say deploy 16.7.202311080240-3deb0dcde0d.8c14c5d38e9 to gprd --rollback
say deploy 16.7.202311070140-3bb0b14be1e.c8e7c2ef991 to gprd --rollback
say auto_deploy status cf930cc2066

fresh proposals; section "schedule.mode propose: proposals in a console (a real clock: the windows of this moment)"
printf 'schedule:\n  mode: propose\n' > "$base/propose.yaml"
console_start propose.yaml proposals-output
console_wait proposals-output 180 "Proposal 1\."
echo "pdm proposal skip 1" >&7; console_wait proposals-output 30 "skipped by"
echo "pdm proposal skip 1" >&7; console_wait proposals-output 30 "already answered"
echo "pdm proposal confirm 2" >&7; console_wait proposals-output 30 "Confirmed:"
# the confirmed group's run (pdm execute --only of the group) runs in the console; then its record
console_wait proposals-output 180 "PDM run #1 succeeded\|PDM run #1 failed"
echo "pdm run 1" >&7; console_wait proposals-output 30 "PDM run #1 —"
sleep 1
exec 7>&-; wait "$console"
printf '\n$ pdm-bot --config propose.yaml console      # then: pdm proposal skip 1 (twice), pdm proposal confirm 2, pdm run 1\n'
cat "$base/proposals-output"
say pdm proposal confirm 9

fresh metrics; section "/metrics before and after a run (serve)"
mkdir -p "$data"
printf 'http:\n  port: 18083\n' > "$base/metrics.yaml"
(cd "$base" && exec java -jar "$jar" --data "$data" --config metrics.yaml serve > "$base/metrics-output" 2>&1) & server=$!
deadline=$((SECONDS + 120))
until grep -q 'Ctrl-C stops' "$base/metrics-output" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
printf '\n$ curl -s http://127.0.0.1:18083/metrics | grep -E '"'"'^pdm_pending_migrations\{.*db/gprd'"'"' | grep -v '"'"' 0.0$'"'"'    # before the run\n'
curl -s http://127.0.0.1:18083/metrics | grep -E '^pdm_pending_migrations\{.*db/gprd' | grep -v ' 0.0$'
say pdm execute --confirm
deadline=$((SECONDS + 120))
until curl -s http://127.0.0.1:18083/metrics | grep -q '^pdm_runs_total{outcome="succeeded"} 1.0' || [ $SECONDS -ge $deadline ]; do sleep 0.5; done
printf '\n$ curl -s http://127.0.0.1:18083/metrics | grep -E '"'"'^pdm_runs_total|^pdm_run_step_duration_seconds_count|^pdm_migration_duration_seconds_count'"'"'   # after it\n'
curl -s http://127.0.0.1:18083/metrics | grep -E '^pdm_runs_total|^pdm_run_step_duration_seconds_count|^pdm_migration_duration_seconds_count'
printf '\n$ curl -s -o /dev/null -w "%%{http_code}\\n" http://127.0.0.1:18083/dashboard      # no PDM_DASHBOARD_TOKEN\n'
curl -s -o /dev/null -w "%{http_code}\n" http://127.0.0.1:18083/dashboard
kill "$server"; wait "$server" 2>/dev/null

fresh unknown; section "unknown input"
say frobnicate
say pdm stauts
say 'pdm lock gstg "oops'
say $'pdm\u00a0status'
say pdm execute --dry-run
git clone -q "$(canonical)" "$base/unknown-checkout"
run --repo "$base/unknown-checkout" say "demo incident open 1"

fresh handover; section "say and runs: a run still going after --wait is handed over (exit 4)"
printf 'run:\n  demo-seconds-per-migration: 2\n' > "$base/slow.yaml"
run --config slow.yaml say --wait 3 "pdm execute --confirm"
say pdm status

fresh relay; section "say beside a running console is answered by it"
mkdir -p "$data"
fifo="$base/console-input"; mkfifo "$fifo"
(cd "$base" && java -jar "$jar" --data "$data" console < "$fifo" > "$base/console-output" 2>&1) & console=$!
exec 7> "$fifo"
deadline=$((SECONDS + 120))
until [ -s "$data/say-relay.endpoint" ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
say pdm lock gstg from another terminal
run console < /dev/null
exec 7>&-; wait "$console"

fresh cli; section "Command line: help, version, startup problems"
run --help
run say --help
run bench --version
mkdir -p "$data"; : > "$data/pdm-bot.mv.db"
run say "pdm runs"
printf 'http:\n  port: abc\n' > "$base/bad.yaml"
run --config bad.yaml say help
printf 'console:\n  release-manager: maybe\n' > "$base/bad3.yaml"
run --config bad3.yaml say help
printf '\n$ PDM_HTTP_PORT=abc pdm-bot say help\n'
(cd "$base" && PDM_HTTP_PORT=abc java -jar "$jar" --data "$base/cli-env" say help 2>&1); show_rc $?
printf '\n$ PDM_HTTP_BIND=10.9.9.9 pdm-bot serve\n'
(cd "$base" && PDM_HTTP_BIND=10.9.9.9 timeout 60 java -jar "$jar" --data "$base/cli-bind" serve 2>&1); show_rc $?
printf '\n$ PDM_STORE_KND=postgres pdm-bot say "pdm runs"\n'
(cd "$base" && PDM_STORE_KND=postgres java -jar "$jar" --data "$base/cli-typo" say "pdm runs" 2>&1); show_rc $?

fresh classify/data; section "classify --format tsv (of a checkout of the demo world's code)"
mkdir -p "$base/classify"
(cd "$base/classify" && java -jar "$jar" say help > /dev/null 2>&1)   # seeds the demo world in ./data
git clone -q "$(canonical)" "$base/classify/gitlab"
printf '\n$ git clone -q data/demo/gitlab-emulator/repositories/gitlab-org/gitlab.git gitlab\n'
printf '$ pdm-bot classify --format tsv gitlab/db/post_migrate | head -3\n'
(cd "$base/classify" && java -jar "$jar" classify --format tsv gitlab/db/post_migrate 2>&1 | head -3)

fresh rules-folder; section "Rules: a rules.folder that does not compile stops the start; then fixed"
mkdir -p "$base/rules-drl"
cat > "$base/rules-drl/site.drl" <<'DRL'
package pdmbot.rules.site;

import pdmbot.rules.source.Call;
import pdmbot.rules.classify.Reason;
import pdmbot.rules.classify.Nature;

rule "the site's purge helper is ddl_cleanup"
when
    $c : Call( runs == true, method == "purge_legacy_tables" )
then
    insertLogical( new Reason( drools.getRule().getName(), Nature.DDL_CLEANUP, $c.line(), "site helper" ) );
end
DRL
printf 'package pdmbot.rules.site;\n\nrule "oops"\nwhen\n    Call( method == )\nthen\nend\n' > "$base/rules-drl/zz-broken.drl"
printf 'rules:\n  folder: %s\n' "$base/rules-drl" > "$base/rules.yaml"
run --config rules.yaml say "rules list"
rm "$base/rules-drl/zz-broken.drl"
run --config rules.yaml say "rules list"

fresh classify-edges; section "classify: BOM and CR-only file, dangling link, FIFO, device"
mkdir -p "$base/classify-edges/post_migrate"
printf '\xef\xbb\xbfclass DropOld < Gitlab::Database::Migration[2.2]\r  def up\r    drop_table :old_things\r  end\rend\r' \
    > "$base/classify-edges/post_migrate/20231101100000_drop_old.rb"
ln -s "$base/classify-edges/gone.rb" "$base/classify-edges/post_migrate/20231101110000_gone.rb"
mkfifo "$base/classify-edges/pipe.rb"
printf '\n$ pdm-bot classify --format tsv post_migrate\n'
(cd "$base/classify-edges" && java -jar "$jar" --data "$data" classify --format tsv post_migrate 2>&1); show_rc $?
printf '\n$ pdm-bot classify pipe.rb /dev/null\n'
(cd "$base/classify-edges" && java -jar "$jar" --data "$data" classify pipe.rb /dev/null 2>&1); show_rc $?

fresh busy-port; section "serve on a port another program holds"
python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(120)' > "$base/busy-port.txt" & holder=$!
deadline=$((SECONDS + 30))
until [ -s "$base/busy-port.txt" ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
port=$(cat "$base/busy-port.txt")
printf '\n$ PDM_HTTP_PORT=%s pdm-bot serve       # %s taken by another program\n' "$port" "$port"
(cd "$base" && PDM_HTTP_PORT=$port timeout 60 java -jar "$jar" --data "$data" serve 2>&1); show_rc $?
kill "$holder"; wait "$holder" 2>/dev/null

fresh serve; section "serve with Slack on (fake secrets; this machine may not reach slack.com) and its health"
mkdir -p "$data"
printf 'slack:\n  enabled: true\nhttp:\n  port: 18082\n' > "$base/serve.yaml"
printf '\n$ SLACK_SIGNING_SECRET=… SLACK_BOT_TOKEN=… pdm-bot --config serve.yaml serve\n'
(cd "$base" && SLACK_SIGNING_SECRET=readme-capture SLACK_BOT_TOKEN=xoxb-readme-capture \
    exec java -jar "$jar" --data "$data" --config serve.yaml serve > "$base/serve-output" 2>&1) & server=$!
deadline=$((SECONDS + 120))
until grep -q 'Ctrl-C stops' "$base/serve-output" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
cat "$base/serve-output"
printf '\n$ curl -s http://127.0.0.1:18082/healthz\n'; curl -s http://127.0.0.1:18082/healthz; echo
printf '$ curl -s http://127.0.0.1:18082/healthz/live\n'; curl -s http://127.0.0.1:18082/healthz/live; echo
kill "$server"; wait "$server" 2>/dev/null

data="$base/emulator"; section "pdm-bot emulator on a folder never seeded (port and token differ each time)"
(cd "$base" && exec java -jar "$jar" --data "$data" emulator --port 0 > "$base/emulator-output" 2>&1) & emulator=$!
deadline=$((SECONDS + 120))
until grep -q 'Ctrl-C stops it' "$base/emulator-output" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
printf '\n$ pdm-bot emulator --port 0\n'; cat "$base/emulator-output"
kill "$emulator"; wait "$emulator" 2>/dev/null
echo
