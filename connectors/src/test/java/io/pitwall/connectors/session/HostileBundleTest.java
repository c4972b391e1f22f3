package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.BundleException;
import io.pitwall.connectors.timeline.Timeline;
import io.pitwall.connectors.timeline.TimelineCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles the fuzzer ({@code bench: BundleFuzz}) made that once crashed a reader, kept in
 * {@code test/resources/hostile/} (see SOURCES.md there): each now opens with what could be read
 * and says in plain words what could not, or is refused in plain words.
 */
class HostileBundleTest {

    @TempDir
    Path dir;

    @Test
    void yamlWithJavaTagsIsNotJsonAndIsNeverConstructed() throws Exception {
        try (OfflineSession s = open("yaml-tag.pitwall")) {
            assertThat(s.skipped().get(Signal.CLUSTER)).containsExactly(
                    "cluster/events.json is not a Kubernetes object in JSON (it does not start with '{')");
            assertThat(s.clusterState()).get().satisfies(c -> assertThat(c.pods()).isNotEmpty());
            assertClean(s);
        }
    }

    @Test
    void yamlAliasesAreNotRead() throws Exception {
        try (OfflineSession s = open("yaml-aliases.pitwall")) {
            assertThat(s.skipped().get(Signal.CLUSTER)).containsExactly(
                    "cluster/objects.json is not a Kubernetes object in JSON (it does not start with '{')");
            assertClean(s);
        }
    }

    @Test
    void javaSerializedBytesAreNotJson() throws Exception {
        try (OfflineSession s = open("java-serialized.pitwall")) {
            assertThat(s.skipped().get(Signal.CLUSTER)).containsExactly(
                    "cluster/events.json is not a Kubernetes object in JSON (it does not start with '{')");
            assertClean(s);
        }
    }

    @Test
    void aCapturedQueryWhoseTimeIsNotANumberIsSkippedAndTheOthersServed() throws Exception {
        try (OfflineSession s = open("metrics-time-not-a-number.pitwall")) {
            assertThat(s.skipped().get(Signal.METRICS)).containsExactly(
                    "metrics/query_range.json item 2 skipped: a time is not a number: \"string\"");
            assertThat(s.metrics()).isPresent();
            assertThat(s.state(Signal.METRICS)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.contents()).contains("not all read: metrics/query_range.json item 2 skipped"));
            assertClean(s);
        }
        try (OfflineSession s = open("metrics-sample-time-not-a-number.pitwall")) {
            assertThat(s.skipped().get(Signal.METRICS)).containsExactly(
                    "metrics/query_range.json item 1 skipped: a time is not a number: \"scalar\"");
            assertClean(s);
        }
    }

    @Test
    void aTraceFileWithATimeOutOfRangeIsSkippedAndTheOtherTracesRead() throws Exception {
        try (OfflineSession s = open("zipkin-time-out-of-range.pitwall")) {
            assertThat(s.skipped().get(Signal.TRACES)).containsExactly("traces/zipkin.json: A time in the file is out of range.");
            assertThat(s.traces()).isPresent();
            assertClean(s);
        }
    }

    @Test
    void aTraceNumberOfHundredsOfDigitsIsSaidShortly() throws Exception {
        try (OfflineSession s = open("trace-number-out-of-range.pitwall")) {
            assertThat(s.state(Signal.TRACES)).isInstanceOfSatisfying(SourceState.Failing.class, f -> assertThat(f.reason())
                    .isEqualTo("trace-number-out-of-range.pitwall: the traces cannot be read (traces/"
                            + "5c1ab1e0000000000000000000100000.json: A number in the file is out of range (line 1).)"));
            assertClean(s);
        }
    }

    @Test
    void aKubernetesObjectFabric8CannotReadIsSkippedWithItsReason() throws Exception {
        try (OfflineSession s = open("bad-quantity.pitwall")) {
            assertThat(s.skipped().get(Signal.CLUSTER)).containsExactly(
                    "cluster/objects.json item 1: not read (spec.containers[0].resources.limits.memory holds a value of the wrong "
                            + "type or form)");
            assertClean(s);
        }
        try (OfflineSession s = open("item-not-an-object.pitwall")) {
            assertThat(s.skipped().get(Signal.CLUSTER)).singleElement().asString()
                    .startsWith("cluster/objects.json item 5: kind Ingress of apiVersion ");
            assertClean(s);
        }
    }

    @Test
    void aValueOfTheWrongTypeIsSaidByWhereItIsNotByJavaTypeNames() throws Exception {
        try (OfflineSession s = open("wrong-type.pitwall")) {
            assertThat(s.state(Signal.CLUSTER)).isInstanceOfSatisfying(SourceState.Failing.class, f -> assertThat(f.reason())
                    .isEqualTo("wrong-type.pitwall: the cluster objects cannot be read (cluster/pod.json is not a Kubernetes "
                            + "object: not read (status.containerStatuses[0].state.terminated.exitCode holds a value of the wrong type or form))"));
            assertThat(s.traces()).isPresent();
            assertClean(s);
        }
    }

    @Test
    void anOwnerReferenceWithoutANameIsNoOwner() throws Exception {
        try (OfflineSession s = open("owner-without-name.pitwall")) {
            assertThat(s.state(Signal.CLUSTER)).isInstanceOf(SourceState.Offline.class);
            assertThat(s.clusterState().orElseThrow().pods()).isNotEmpty();
            assertClean(s);
        }
    }

    @Test
    void aRestartCountOfHundredsOfDigitsIsReadAsMany() throws Exception {
        try (OfflineSession s = open("restarts-overflow.pitwall")) {
            TimeRange window = s.info().captured().orElseThrow();
            Timeline t = new TimelineCollector(Runnable::run).collect(s, window, List.of()).get();
            assertThat(t.problems()).noneMatch(p -> p.contains("For input string"));
            assertThat(s.skipped().get(Signal.CLUSTER)).contains("cluster/watch.ndjson: 1 line not read");
            assertClean(s);
        }
    }

    @Test
    void aFalcoValueOfTwentyThousandLinesIsParsedOnceNotAgainAtEveryLine() throws Exception {
        try (OfflineSession s = open("falco-long-value.pitwall")) {
            var r = s.security().orElseThrow().findings(s.info().captured().orElseThrow()).get();
            assertThat(r.notes()).contains("security/falco.ndjson line 1: not a Falco event (JSON ARRAY)");
            assertThat(r.findings()).isNotEmpty();
            assertClean(s);
        }
    }

    @Test
    void aZipWhoseFirstHeaderIsDamagedIsRefusedAsABundleNotGuessedAsAnotherFormat() throws Exception {
        BundleException e = catchThrowableOfType(BundleException.class, () -> FileSessions.open(copy("not-pk.pitwall")));
        assertThat(e.reason()).isEqualTo(BundleException.Reason.CORRUPT);
        assertThat(e).hasMessage("not-pk.pitwall: entry \"cluster/objects.json\" cannot be read: "
                + "ZipFile invalid LOC header (bad signature)");
    }

    @Test
    void aBundleLargerThanAQuarterOfTheHeapIsRefusedBeforeItIsRead() throws Exception {
        Path file = copy("owner-without-name.pitwall");
        try (var b = io.pitwall.connectors.snapshot.BundleReader.open(file)) {
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> OfflineSession.checkMemory(file, b.manifest(), 100_000));
            assertThat(e.reason()).isEqualTo(BundleException.Reason.TOO_LARGE);
            assertThat(e.getMessage()).startsWith("owner-without-name.pitwall holds ").contains(
                    "of data, more than this Pitwall can read into memory (a quarter of its 98 KB heap); "
                            + "start it with more memory, e.g. PITWALL_JAVA_OPTS=-Xmx2g");
            OfflineSession.checkMemory(file, b.manifest(), Runtime.getRuntime().maxMemory());
        }
    }

    /** Every failing signal's cause is a refusal in words, never a bug caught on the way. */
    private static void assertClean(OfflineSession s) {
        for (Map.Entry<Signal, Throwable> f : s.failures().entrySet()) {
            assertThat(f.getValue()).as(f.getKey().name()).isInstanceOf(IOException.class);
        }
        s.states().values().forEach(st -> assertThat(st.summary()).doesNotContain("Exception"));
    }

    private OfflineSession open(String name) throws IOException {
        return (OfflineSession) FileSessions.open(copy(name));
    }

    private Path copy(String name) throws IOException {
        try (InputStream in = HostileBundleTest.class.getResourceAsStream("/hostile/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }
}
