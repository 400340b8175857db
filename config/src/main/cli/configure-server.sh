#!/usr/bin/env bash
# Configures an unpacked WildFly for OneEnroll with the CLI scripts beside this file, offline (embedded
# server), in one batch: all or nothing. Used by the demo run, the integration tests and operators alike.
#   configure-server.sh JBOSS_HOME h2|postgresql
# A server already configured by these same scripts is left alone; one configured by other versions of
# them exits 3 (unpack a fresh server: CLI scripts add resources and cannot be applied twice). For
# PostgreSQL, JBOSS_HOME/modules must already hold org/postgresql/main (module.xml and postgresql.jar).
set -euo pipefail
home=${1:?usage: configure-server.sh JBOSS_HOME h2|postgresql}
db=${2:?usage: configure-server.sh JBOSS_HOME h2|postgresql}
here=$(cd "$(dirname "$0")" && pwd)
case "$db" in h2|postgresql) ;; *) echo "unknown database '$db' (h2 or postgresql)" >&2; exit 2 ;; esac
if [ ! -x "$home/bin/jboss-cli.sh" ]; then
    echo "no WildFly at $home (bin/jboss-cli.sh is missing)" >&2
    exit 2
fi
marker="$home/standalone/configuration/.oneenroll-configured"
version="$db $(cat "$here/datasource-$db.cli" "$here/oneenroll.cli" | sha256sum | cut -c1-16)"
if [ -f "$marker" ]; then
    if [ "$(cat "$marker")" = "$version" ]; then
        echo "WildFly at $home is already configured for OneEnroll ($db)"
        exit 0
    fi
    echo "WildFly at $home was configured by other versions of the scripts ($(cat "$marker"), now $version):" >&2
    echo "unpack a fresh server there (for the tests: mvn clean verify; the demo does it itself)" >&2
    exit 3
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
echo "$version" > "$marker"
echo "Configured WildFly at $home for OneEnroll ($db)"
