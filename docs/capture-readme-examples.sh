#!/usr/bin/env bash
# Prints every example of README.md — the command as the README shows it, then its real output
# and, when it is not 0, its exit code — each on a fresh data folder, section by section.
#
#   ./mvnw -B -ntp -q -DskipTests package
#   docs/capture-readme-examples.sh [base-folder] > /tmp/readme-examples.txt
#
# base-folder (default /tmp/readme-capture-<time>) must not exist; every scenario gets its own
# data folder under it, so each starts from a fresh demo world. Run it from anywhere; it uses
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
section() { printf '\n\n######## %s  (data folder %s)\n' "$1" "$data"; }
fresh() { data="$base/$1"; }
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
say demo fail clear

fresh unknown; section "unknown input"
say frobnicate
say pdm stauts
say 'pdm lock gstg "oops'
say $'pdm\u00a0status'
say pdm execute --dry-run
run --repo "$base/unknown/demo/repo" say "demo incident open 1"

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

fresh classify/data; section "classify --format tsv (of the demo world's repository)"
mkdir -p "$base/classify"
(cd "$base/classify" && java -jar "$jar" say help > /dev/null 2>&1)   # generates the demo world in ./data
printf '\n$ pdm-bot classify --format tsv data/demo/repo/db/post_migrate | head -3\n'
(cd "$base/classify" && java -jar "$jar" classify --format tsv data/demo/repo/db/post_migrate 2>&1 | head -3)

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

fresh emulator; section "pdm-bot emulator (port and token differ each time)"
(cd "$base" && exec java -jar "$jar" --data "$data" emulator --port 0 > "$base/emulator-output" 2>&1) & emulator=$!
deadline=$((SECONDS + 120))
until grep -q 'Ctrl-C stops it' "$base/emulator-output" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
printf '\n$ pdm-bot emulator --port 0\n'; cat "$base/emulator-output"
kill "$emulator"; wait "$emulator" 2>/dev/null
echo
