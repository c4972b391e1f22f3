package io.pitwall.ui.security;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.security.SecurityFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Security pane's state: every finding and event the session has, the user's filter (severity,
 * source, rule, namespace, search), the grouping, and what that leaves to show. Filtering and
 * sorting run on {@code background} (tens of thousands of findings), the result comes back on
 * {@code fx}; a newer filter wins over one still running. Live events are appended in batches.
 */
public final class SecurityViewModel {

    /** How the list is grouped. */
    public enum Grouping {
        NONE, RULE, OBJECT
    }

    /** What to show: findings after the filter, in order, and the counts per severity of all of them. */
    public record Shown(List<SecurityFinding> findings, Map<Severity, Integer> counts, int total) {
    }

    private final Executor background;
    private final Executor fx;
    private final AtomicLong generation = new AtomicLong();
    private List<SecurityFinding> all = List.of();
    private final ObjectProperty<SecurityFilter> filter = new SimpleObjectProperty<>(this, "filter", SecurityFilter.ALL);
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(this, "grouping", Grouping.NONE);
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown",
            new Shown(List.of(), new EnumMap<>(Severity.class), 0));
    private final ReadOnlyObjectWrapper<String> status = new ReadOnlyObjectWrapper<>(this, "status", "");

    public SecurityViewModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        filter.addListener((o, was, now) -> refresh());
    }

    /** Replaces every finding (a new session, a refresh of the reports and checks). FX thread. */
    public void setFindings(Collection<SecurityFinding> findings) {
        all = List.copyOf(findings);
        refresh();
    }

    /** Adds live events (new Falco events), keeping those already there by id. FX thread. */
    public void add(Collection<SecurityFinding> more) {
        if (more.isEmpty()) {
            return;
        }
        Set<String> known = new java.util.HashSet<>(all.size() * 2);
        all.forEach(f -> known.add(f.id()));
        List<SecurityFinding> next = new ArrayList<>(all);
        for (SecurityFinding f : more) {
            if (known.add(f.id())) {
                next.add(f);
            }
        }
        all = List.copyOf(next);
        refresh();
    }

    /** Says why there is nothing (no source, a source failing), or what was skipped; "" when all is well. */
    public void setStatus(String message) {
        status.set(message == null ? "" : message);
    }

    public ReadOnlyObjectProperty<String> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<SecurityFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public List<SecurityFinding> all() {
        return all;
    }

    /** Applies the filter again, off the FX thread. */
    private void refresh() {
        long mine = generation.incrementAndGet();
        List<SecurityFinding> snapshot = all;
        SecurityFilter f = filter.get();
        background.execute(() -> {
            Shown next = new Shown(SecurityFilter.sort(f.apply(snapshot), SecurityFilter.Sort.SEVERITY),
                    SecurityFilter.counts(snapshot), snapshot.size());
            fx.execute(() -> {
                if (generation.get() == mine) {
                    shown.set(next);
                }
            });
        });
    }

    /** The severities and sources present, for the chips. */
    public static Set<FindingSource> sources(List<SecurityFinding> findings) {
        Set<FindingSource> out = EnumSet.noneOf(FindingSource.class);
        findings.forEach(f -> out.add(f.source()));
        return out;
    }
}
