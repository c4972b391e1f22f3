package io.pitwall.ui.time;

import io.pitwall.connectors.model.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one time range every pane shows: relative (the last 5 minutes ... 24 hours) or absolute,
 * and live-following or paused. While live, {@link #tick()} moves the window to end now; paused,
 * it stays where it is. FX thread only.
 */
public final class TimeRangeModel {

    /** The relative ranges offered in the top bar. */
    public static final List<Duration> PRESETS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));

    private final Clock clock;
    private final ReadOnlyObjectWrapper<TimeRange> range = new ReadOnlyObjectWrapper<>(this, "range");
    private final ReadOnlyObjectWrapper<Duration> preset = new ReadOnlyObjectWrapper<>(this, "preset");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);

    public TimeRangeModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        setRelative(Duration.ofHours(1));
    }

    public ReadOnlyObjectProperty<TimeRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    public TimeRange range() {
        return range.get();
    }

    /** The relative length chosen, or null for an absolute range. */
    public ReadOnlyObjectProperty<Duration> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public boolean isLive() {
        return live.get();
    }

    /** The last {@code length}, following now. */
    public void setRelative(Duration length) {
        preset.set(length);
        live.set(true);
        range.set(TimeRange.ending(clock.instant(), length));
    }

    /** A fixed window: absolute ranges never follow now. */
    public void setAbsolute(TimeRange fixed) {
        preset.set(null);
        live.set(false);
        range.set(Objects.requireNonNull(fixed, "fixed"));
    }

    /** Pauses (the window stays) or resumes following now (the window jumps to now). */
    public void setLive(boolean follow) {
        live.set(follow);
        if (follow) {
            range.set(range.get().endingAt(clock.instant()));
            if (preset.get() == null) {
                preset.set(range.get().length());
            }
        }
    }

    /** Moves a live window to end now; called once a second by the workspace. */
    public void tick() {
        if (live.get()) {
            range.set(range.get().endingAt(clock.instant()));
        }
    }

    /** "15m", "1h", "24h": how presets are labelled. */
    public static String label(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + "h";
        }
        return d.toMinutes() + "m";
    }
}
