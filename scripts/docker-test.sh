#!/usr/bin/env bash
# Docker, as the docs show it (make docker-test; the CI leg docker). No registry is needed:
# ../shared/tools/docker-offline.sh (beside this repository, as in CI) starts a Docker daemon and
# makes the base images the Dockerfile starts FROM.
#
# Every `docker ...` command line in the docs (README.md, docs/INSTALL.md, the Dockerfile's header)
# is run exactly as written, from the repository's top directory, in the order the docs give them:
#   docker build -t php-memcache .          the image build runs the whole test suite inside;
#                                           its "N passed, M failed" is reported here
#   docker run --rm php-memcache ...        must succeed (and php --ri must show ours)
#   docker build --target artifact -o out . must leave out/opt/php-memcache/php_memcache_rs.so
# and every ```dockerfile block of docs/INSTALL.md ("your own image") is built as written and the
# image's php must then load php-memcache. A documented command or block that fails is a failure.
# Last line: "N passed, M failed" (one per command/block, plus the image's own suite count).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
REPO="$PWD"
T0=$(date +%s)
WORK="$REPO/.run/docker"
rm -rf "$WORK"; mkdir -p "$WORK"
pass=0; fail=0; suite=""
ok() { pass=$((pass + 1)); echo "ok    $*"; }
bad() { fail=$((fail + 1)); echo "FAIL  $*"; }

SHARED="${SHARED_DIR:-$REPO/../shared}"
echo "==== docker without a registry: $SHARED/tools/docker-offline.sh"
t=$(date +%s)
if ! bash "$SHARED/tools/docker-offline.sh" >"$WORK/offline.log" 2>&1; then
    tail -20 "$WORK/offline.log"
    echo "docker-test: no Docker daemon"
    echo "0 passed, 1 failed"
    exit 1
fi
tail -1 "$WORK/offline.log"
echo "(docker daemon and base images: $(( $(date +%s) - t ))s)"
# Debian's docker.io client has BuildKit (needed for -o); a CLI earlier on PATH may lack buildx
export PATH="/usr/bin:$PATH" DOCKER_BUILDKIT=1

# ---- the documented command lines -------------------------------------------------------------------
# (lines that start with "docker " in sh code blocks or "#   docker " in the Dockerfile header;
# a trailing "# comment" is dropped)
doc_commands() {
    {
        awk '/^```(sh|bash|console)?$/ {inb = !inb; next} inb && /^docker / {print}' README.md docs/INSTALL.md
        sed -n 's/^#   \(docker .*\)$/\1/p' Dockerfile
    } | sed 's/[[:space:]]*#.*$//' | awk '!seen[$0]++'
}
mapfile -t CMDS < <(doc_commands)
# the image build first: the other commands use its image
mapfile -t CMDS < <(printf '%s\n' "${CMDS[@]}" | awk '/^docker build -t php-memcache \.$/ {print; next} {rest[++n] = $0} END {for (i = 1; i <= n; i++) print rest[i]}')
[ "${CMDS[0]:-}" = "docker build -t php-memcache ." ] || bad "the docs do not show 'docker build -t php-memcache .'"

i=0
for cmd in "${CMDS[@]}"; do
    i=$((i + 1))
    log="$WORK/cmd-$i.log"
    t=$(date +%s)
    echo "==== $cmd"
    if [[ "$cmd" == "docker build --target artifact -o "* ]]; then rm -rf "${cmd##* -o }" out 2>/dev/null; fi
    bash -c "$cmd" </dev/null >"$log" 2>&1
    rc=$?
    dt=$(( $(date +%s) - t ))
    if [ "$cmd" = "docker build -t php-memcache ." ]; then
        suite="$(grep -aoE '[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?' "$log" | tail -1)"
        echo "     suite inside the image: ${suite:-no summary line}"
    fi
    if [ "$rc" != 0 ]; then
        bad "$cmd (exit $rc, ${dt}s)"; tail -40 "$log"; continue
    fi
    case "$cmd" in
        "docker run "*"--ri memcache"*)
            if grep -q 'Implementation => Rust (php-memcache)' "$log"; then ok "$cmd (${dt}s)"; else bad "$cmd: not php-memcache"; cat "$log"; fi ;;
        "docker build --target artifact -o "*)
            dest="${cmd##* -o }"; dest="${dest%% *}"
            if [ -f "$dest/opt/php-memcache/php_memcache_rs.so" ] && [ -x "$dest/opt/php-memcache/install.sh" ]; then
                ok "$cmd (${dt}s): $(cd "$dest" && find . -type f | sort | tr '\n' ' ')"
            else
                bad "$cmd: $dest/opt/php-memcache/php_memcache_rs.so missing"
            fi
            rm -rf "$dest" ;;
        *) ok "$cmd (${dt}s)" ;;
    esac
done

# ---- the documented Dockerfiles: your own image ---------------------------------------------------------
n=0
while IFS= read -r -d '' block; do
    n=$((n + 1))
    dir="$WORK/example-$n"
    mkdir -p "$dir"
    printf '%s\n' "$block" >"$dir/Dockerfile"
    tag="php-memcache-doc-example-$n"
    t=$(date +%s)
    echo "==== docs/INSTALL.md Dockerfile example $n: $(grep -m1 -v '^FROM php-memcache' "$dir/Dockerfile" | grep '^FROM' || true)"
    if ! docker build -t "$tag" "$dir" >"$dir/build.log" 2>&1; then
        bad "Dockerfile example $n does not build"; tail -30 "$dir/build.log"; continue
    fi
    # the image's PHP loads php-memcache (ours: memcache_session_stats), and a session can be opened
    if docker run --rm "$tag" php -r 'exit(extension_loaded("memcache") && function_exists("memcache_session_stats") ? 0 : 1);' >"$dir/run.log" 2>&1 \
       && docker run --rm "$tag" sh -c 'for f in /usr/sbin/php-fpm*; do [ -x "$f" ] && "$f" -m | grep -qx memcache || exit 1; done' >>"$dir/run.log" 2>&1; then
        ok "Dockerfile example $n: builds, php (and php-fpm, if installed) load php-memcache ($(( $(date +%s) - t ))s)"
    else
        bad "Dockerfile example $n: php-memcache not loaded"; cat "$dir/run.log"
    fi
    docker image rm -f "$tag" >/dev/null 2>&1 || true
done < <(awk '/^```dockerfile$/ {inb = 1; buf = ""; next} inb && /^```$/ {inb = 0; printf "%s%c", buf, 0; next} inb {buf = buf $0 "\n"}' docs/INSTALL.md)
[ "$n" -gt 0 ] || bad "docs/INSTALL.md shows no Dockerfile example"

printf 'docker-test: %s commands and %s Dockerfile examples from the docs, %ss\n' "${#CMDS[@]}" "$n" "$(( $(date +%s) - T0 ))"
# the image's own suite counts too (it ran inside docker build)
if [[ "$suite" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    pass=$((pass + BASH_REMATCH[1])); fail=$((fail + BASH_REMATCH[2]))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
