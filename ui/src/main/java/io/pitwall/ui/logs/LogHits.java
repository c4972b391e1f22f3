package io.pitwall.ui.logs;

import java.util.function.LongSupplier;

/**
 * The search hits the view steps through: the ids of the lines the text matched (from the last
 * {@link LogSearch.Found}) and which of them is current. A new search starts at the first hit at
 * or after what the user is looking at; a search extended by new lines keeps the current hit.
 * FX thread only.
 */
final class LogHits {

    private Matches hits;
    private int current = -1;

    /** No hits (a new buffer). */
    void clear() {
        hits = null;
        current = -1;
    }

    /**
     * Takes a search's hits ({@code null}: no search text). When {@code fresh} (another text or
     * mode) the current hit becomes the first at or after the id {@code from} gives, and this
     * returns true if there is one (the view goes to it); else the current hit is kept.
     */
    boolean take(Matches next, boolean fresh, LongSupplier from) {
        long keep = currentId();
        hits = next;
        if (next == null) {
            current = -1;
        } else if (fresh) {
            current = next.count() == 0 ? -1 : Math.min(next.lowerBound(from.getAsLong()), next.count() - 1);
            return current >= 0;
        } else if (keep >= 0) {
            current = next.lowerBound(keep);
        }
        return false;
    }

    /** How many lines the search text matched (0 without a text). */
    int count() {
        return hits == null ? 0 : hits.count();
    }

    /** The current hit's position among the hits, from 1 (0 when there is none). */
    int position() {
        return current < 0 ? 0 : current + 1;
    }

    /** The current hit's line id, or -1. */
    long currentId() {
        return current >= 0 && hits != null && current < hits.count() ? hits.ids()[current] : -1;
    }

    /** Makes the hit {@code step} away current (wrapping around); false when there are no hits. */
    boolean step(int step) {
        int n = count();
        if (n == 0) {
            return false;
        }
        current = current < 0 ? (step > 0 ? 0 : n - 1) : Math.floorMod(current + step, n);
        return true;
    }

    /** "12 of 3,401", "no match", or "" without a search text. */
    String text(boolean searching) {
        if (!searching) {
            return "";
        }
        int n = count();
        return n == 0 ? "no match" : String.format("%,d of %,d", position(), n);
    }
}
