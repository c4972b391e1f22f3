package io.pitwall.ui.time;

import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one time cursor every time axis shows: where the pointer hovers over a chart, a histogram,
 * a waterfall or the timeline (a marker that follows it on every other axis), and the moment the
 * user clicked (where the marker rests when the pointer leaves, and where the logs scroll to).
 * FX thread only; a flood of hover moves costs one property change each, each view redraws once
 * per pulse.
 */
public final class TimeCursor {

    private final ReadOnlyObjectWrapper<Instant> hover = new ReadOnlyObjectWrapper<>(this, "hover");
    private final ReadOnlyObjectWrapper<Instant> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyObjectWrapper<Instant> position = new ReadOnlyObjectWrapper<>(this, "position");

    /** The pointer is over a time axis at {@code at}. */
    public void hover(Instant at) {
        hover.set(at);
        update();
    }

    /** The pointer left the time axis it was over. */
    public void hoverEnded() {
        hover.set(null);
        update();
    }

    /** A hover at {@code at}, or its end when null: what views that report both through one callback call. */
    public void hoverAt(Instant at) {
        if (at == null) {
            hoverEnded();
        } else {
            hover(at);
        }
    }

    /** The user clicked {@code at} on a time axis (null forgets the click). */
    public void choose(Instant at) {
        chosen.set(at);
        update();
    }

    /** Where the pointer is, null when it is over no time axis. */
    public ReadOnlyObjectProperty<Instant> hoverProperty() {
        return hover.getReadOnlyProperty();
    }

    /** The moment clicked last, null when none. */
    public ReadOnlyObjectProperty<Instant> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Where every axis draws its marker: the hover, else the moment clicked, else null (no marker). */
    public ReadOnlyObjectProperty<Instant> positionProperty() {
        return position.getReadOnlyProperty();
    }

    public Instant position() {
        return position.get();
    }

    private void update() {
        position.set(hover.get() != null ? hover.get() : chosen.get());
    }
}
