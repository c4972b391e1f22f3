# Sourced by ./pitwall, ./run-tests, bench/run and .ci/run: finds a JDK 25 or newer and exports
# JAVA_HOME to it. Order: $JAVA_HOME, /usr/lib/jvm/temurin-25-jdk-amd64, `java` on the PATH.

pitwall_java_feature() { # prints the feature version of the java binary $1, or nothing
    "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'
}

pitwall_find_jdk() {
    local candidate v
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 \
        "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        v=$(pitwall_java_feature "$candidate/bin/java")
        if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    echo "pitwall: needs a JDK 25 or newer; none found (JAVA_HOME=${JAVA_HOME:-unset})." >&2
    echo "pitwall: install Temurin 25 and set JAVA_HOME to it, e.g. /usr/lib/jvm/temurin-25-jdk-amd64." >&2
    return 1
}

pitwall_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8/3.9 on JDK 25 warns about its own use of sun.misc.Unsafe; silence only that.
case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
esac
