package io.pitwall.connectors.kube;

import io.pitwall.connectors.model.PodInfo;
import java.util.Optional;

/**
 * A pod's state in a few words, as a {@link io.pitwall.connectors.model.WatchEvent}'s summary
 * carries it and the Events pane shows it: "Running, ready, 3 restarts, CrashLoopBackOff, last
 * OOMKilled". The timeline parses it back to see restarts and their reasons.
 *
 * @param phase           Pending, Running, Succeeded, Failed or Unknown
 * @param restarts        its containers' restarts, summed
 * @param reason          why it is not healthy, when it is not (CrashLoopBackOff, Evicted...)
 * @param lastTermination why a container last stopped (OOMKilled, Error), when one restarted
 */
public record PodSummary(String phase, boolean ready, int restarts, Optional<String> reason,
                         Optional<String> lastTermination) {

    public PodSummary {
        phase = phase == null || phase.isBlank() ? "Unknown" : phase;
        reason = reason == null ? Optional.empty() : reason;
        lastTermination = lastTermination == null ? Optional.empty() : lastTermination;
    }

    public static PodSummary of(PodInfo p) {
        Optional<String> last = p.containers().stream().filter(c -> c.restarts() > 0)
                .flatMap(c -> c.lastTermination().stream()).findFirst();
        return new PodSummary(p.phase(), p.ready(), p.restarts(), p.reason(), last);
    }

    public String text() {
        StringBuilder s = new StringBuilder(phase).append(ready ? ", ready" : ", not ready");
        if (restarts > 0) {
            s.append(", ").append(restarts).append(restarts == 1 ? " restart" : " restarts");
        }
        reason.ifPresent(r -> s.append(", ").append(r));
        lastTermination.filter(l -> !reason.equals(Optional.of(l))).ifPresent(l -> s.append(", last ").append(l));
        return s.toString();
    }

    /** A count of digits, at most a billion (a summary from a file may hold any number of digits). */
    static int count(String digits) {
        return digits.length() > 9 ? 1_000_000_000 : Integer.parseInt(digits);
    }

    /** Reads what {@link #text()} wrote; empty when {@code text} is not a pod's summary. */
    public static Optional<PodSummary> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.split(", ");
        if (parts.length < 2 || !(parts[1].equals("ready") || parts[1].equals("not ready")) || parts[0].contains(" ")) {
            return Optional.empty();
        }
        int restarts = 0;
        Optional<String> reason = Optional.empty();
        Optional<String> last = Optional.empty();
        for (int i = 2; i < parts.length; i++) {
            String p = parts[i];
            if (p.matches("\\d+ restarts?")) {
                restarts = PodSummary.count(p.substring(0, p.indexOf(' ')));
            } else if (p.startsWith("last ")) {
                last = Optional.of(p.substring(5));
            } else {
                reason = Optional.of(p);
            }
        }
        if (last.isEmpty() && reason.filter(r -> r.equals("OOMKilled") || r.equals("Error")).isPresent()) {
            last = reason;
        }
        return Optional.of(new PodSummary(parts[0], parts[1].equals("ready"), restarts, reason, last));
    }
}
