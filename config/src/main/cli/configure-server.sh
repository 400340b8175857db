#!/usr/bin/env bash
# Configures an unpacked WildFly for OneEnroll with the CLI scripts beside this file, offline (embedded
# server), in one batch: all or nothing. Used by the demo run, the integration tests and operators alike.
#   configure-server.sh JBOSS_HOME h2|postgresql
# A server already configured for that database is left alone; for PostgreSQL, JBOSS_HOME/modules must
# already hold org/postgresql/main (module.xml and postgresql.jar).
set -euo pipefail
home=${1:?usage: configure-server.sh JBOSS_HOME h2|postgresql}
db=${2:?usage: configure-server.sh JBOSS_HOME h2|postgresql}
here=$(cd "$(dirname "$0")" && pwd)
case "$db" in h2|postgresql) ;; *) echo "unknown database '$db' (h2 or postgresql)" >&2; exit 2 ;; esac
marker="$home/standalone/configuration/.oneenroll-configured-$db"
if [ -f "$marker" ]; then
    echo "WildFly at $home is already configured for OneEnroll ($db)"
    exit 0
fi
if [ "$db" = postgresql ] && [ ! -f "$home/modules/org/postgresql/main/postgresql.jar" ]; then
    echo "the PostgreSQL driver module is missing under $home/modules/org/postgresql/main" >&2
    exit 1
fi
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
    echo "embed-server --server-config=standalone-full.xml --std-out=discard"
    echo "batch"
    grep -v '^[[:space:]]*#' "$here/datasource-$db.cli" | grep -v '^[[:space:]]*$'
    grep -v '^[[:space:]]*#' "$here/oneenroll.cli" | grep -v '^[[:space:]]*$'
    echo "run-batch"
    echo "stop-embedded-server"
} > "$script"
"$home/bin/jboss-cli.sh" --file="$script"
touch "$marker"
echo "Configured WildFly at $home for OneEnroll ($db)"
