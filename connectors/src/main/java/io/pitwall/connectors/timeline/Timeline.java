package io.pitwall.connectors.timeline;

import io.pitwall.connectors.model.TimeRange;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything that happened in a window, oldest first, and what could not be read ("Loki: 503
 * Service Unavailable"): a source that fails costs its lane, not the timeline.
 */
public record Timeline(TimeRange window, List<TimelineItem> items, List<String> problems) {

    public static final Comparator<TimelineItem> ORDER = Comparator.comparing((TimelineItem i) -> i.at())
            .thenComparing(TimelineItem::lane).thenComparing(TimelineItem::severity).thenComparing(TimelineItem::title);

    public Timeline {
        Objects.requireNonNull(window, "window");
        items = items.stream().sorted(ORDER).toList();
        problems = List.copyOf(problems);
    }

    public static Timeline empty(TimeRange window) {
        return new Timeline(window, List.of(), List.of());
    }

    /** The items of {@code lane}, oldest first. */
    public List<TimelineItem> lane(Lane lane) {
        return items.stream().filter(i -> i.lane() == lane).toList();
    }
}
