package io.pitwall.app.demo;

import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demo incident's story, the one time line every signal of it follows: the carts service
 * of the sock-shop leaks memory, is OOMKilled four times and crash-loops; checkouts slow down and
 * fail; KubePodCrashLooping fires; someone opens a shell in the carts container.
 */
final class DemoStory {

    static final Instant END = Instant.parse("2026-11-24T03:30:00Z");
    static final TimeRange RANGE = TimeRange.ending(END, Duration.ofHours(1));
    static final String NAMESPACE = "sock-shop";
    static final String CLUSTER = "gke-kubevious-samples";
    static final String CONTEXT = "gke_kubevious-samples_europe-west1_demo";

    /** The leak starts here: working set grows from its healthy level. */
    static final Instant LEAK_STARTS = Instant.parse("2026-11-24T02:38:00Z");
    /** Each OOMKill of the carts container. */
    static final List<Instant> OOM_KILLS = List.of(
            Instant.parse("2026-11-24T03:02:10Z"), Instant.parse("2026-11-24T03:09:40Z"),
            Instant.parse("2026-11-24T03:15:05Z"), Instant.parse("2026-11-24T03:22:30Z"));
    /** Back-off before each restart grows as the kubelet does it: 10 s, 20 s, 40 s, 80 s. */
    static final List<Duration> BACK_OFF = List.of(Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofSeconds(40), Duration.ofSeconds(80));
    static final Instant ALERT_FIRES = Instant.parse("2026-11-24T03:17:00Z");
    static final Instant SHELL_OPENED = Instant.parse("2026-11-24T03:24:51Z");

    static final long MEMORY_LIMIT = 256L * 1024 * 1024;
    static final long MEMORY_REQUEST = 200L * 1024 * 1024;
    static final long HEALTHY_WORKING_SET = 150L * 1024 * 1024;

    private DemoStory() {
    }

    /** When the carts container ran again after {@code kill}. */
    static Instant restartAfter(int kill) {
        return OOM_KILLS.get(kill).plus(BACK_OFF.get(kill)).plusSeconds(2);
    }

    /** Whether carts is down (killed, waiting to restart) at {@code t}. */
    static boolean cartsDown(Instant t) {
        for (int i = 0; i < OOM_KILLS.size(); i++) {
            if (!t.isBefore(OOM_KILLS.get(i)) && t.isBefore(restartAfter(i))) {
                return true;
            }
        }
        return false;
    }

    /** The carts container's working set at {@code t}: a leak that resets at each restart, faster each time. */
    static double cartsWorkingSet(Instant t) {
        if (t.isBefore(LEAK_STARTS)) {
            return HEALTHY_WORKING_SET;
        }
        Instant since = LEAK_STARTS;
        Instant until = OOM_KILLS.getFirst();
        for (int i = 0; i < OOM_KILLS.size(); i++) {
            if (t.isBefore(OOM_KILLS.get(i))) {
                until = OOM_KILLS.get(i);
                since = i == 0 ? LEAK_STARTS : restartAfter(i - 1);
                break;
            }
            if (i == OOM_KILLS.size() - 1) {
                // after the last restart it leaks again, at the last rate
                since = restartAfter(i);
                until = since.plus(Duration.between(restartAfter(i - 1), OOM_KILLS.get(i)));
            }
        }
        if (cartsDown(t)) {
            return Double.NaN;
        }
        double f = Math.min(1.0, (double) Duration.between(since, t).toMillis() / Duration.between(since, until).toMillis());
        return HEALTHY_WORKING_SET + f * (MEMORY_LIMIT - HEALTHY_WORKING_SET);
    }

    /** How many times carts has restarted by {@code t}. */
    static int cartsRestarts(Instant t) {
        int n = 0;
        for (int i = 0; i < OOM_KILLS.size(); i++) {
            if (!t.isBefore(restartAfter(i))) {
                n++;
            }
        }
        return n;
    }
}
