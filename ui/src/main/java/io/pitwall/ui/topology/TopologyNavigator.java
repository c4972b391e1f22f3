package io.pitwall.ui.topology;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.topology.TopologyLayout.Box;

/**
 * Where the arrow keys take the selection. Between boxes: to the nearest box in that direction,
 * by the gap between their edges (an offset across the direction counts three times). Inside an
 * expanded group's grid: cell by cell; up from the first row selects the group itself, and off
 * the other edges goes on to the neighbouring box. With nothing selected, the box nearest the
 * middle of the view.
 */
final class TopologyNavigator {

    enum Direction {
        LEFT, RIGHT, UP, DOWN
    }

    private TopologyNavigator() {
    }

    /**
     * @param cx the middle of the view, in picture coordinates
     * @return the element to select next, or {@code from} when there is nowhere to go
     */
    static KubeRef move(TopologyLayout layout, KubeRef from, Direction d, double cx, double cy) {
        if (layout == null || layout.boxes().isEmpty()) {
            return from;
        }
        if (from == null) {
            Box near = nearest(layout, cx, cy);
            return near == null ? null : near.ref();
        }
        TopologyLayout.PodPlace place = layout.places().get(from);
        if (place != null) {
            Box group = layout.boxes().get(place.boxId());
            if (group.showsCells()) {
                return inGrid(layout, group, place.slot(), d);
            }
            Box next = neighbour(layout, group.x(), group.y(), group.w(), group.h(), d, group);
            return next == null ? from : next.ref();
        }
        Box box = layout.byRef().get(from);
        if (box == null) {
            return from;
        }
        Box next = neighbour(layout, box.x(), box.y(), box.w(), box.h(), d, box);
        return next == null ? from : next.ref();
    }

    private static KubeRef inGrid(TopologyLayout layout, Box group, int slot, Direction d) {
        int n = group.pods().size();
        int columns = Math.max(1, group.columns());
        int col = slot % columns;
        int target = switch (d) {
            case LEFT -> col > 0 ? slot - 1 : -1;
            case RIGHT -> col < columns - 1 && slot + 1 < n ? slot + 1 : -1;
            case UP -> slot - columns;
            case DOWN -> slot + columns < n ? slot + columns : slot / columns < (n - 1) / columns ? n - 1 : -1;
        };
        if (target >= 0) {
            return group.pods().get(target).ref();
        }
        if (d == Direction.UP) {
            return group.ref();
        }
        double[] cell = TopologyLayout.cell(group, slot);
        Box next = neighbour(layout, cell[0], cell[1], TopologyLayout.CELL, TopologyLayout.CELL, d, group);
        return next == null ? group.pods().get(slot).ref() : next.ref();
    }

    static Box neighbour(TopologyLayout layout, double x, double y, double w, double h, Direction d, Box exclude) {
        double cx = x + w / 2;
        double cy = y + h / 2;
        Box best = null;
        double bestScore = Double.MAX_VALUE;
        for (Box b : layout.boxes().values()) {
            if (b == exclude) {
                continue;
            }
            double bx = b.x() + b.w() / 2;
            double by = b.y() + b.h() / 2;
            double primary;
            double across;
            switch (d) {
                case RIGHT -> {
                    if (b.x() + b.w() <= x + w || bx <= cx) {
                        continue;
                    }
                    primary = Math.max(0, b.x() - (x + w));
                    across = gap(y, h, b.y(), b.h());
                }
                case LEFT -> {
                    if (b.x() >= x || bx >= cx) {
                        continue;
                    }
                    primary = Math.max(0, x - (b.x() + b.w()));
                    across = gap(y, h, b.y(), b.h());
                }
                case DOWN -> {
                    if (b.y() + b.h() <= y + h || by <= cy) {
                        continue;
                    }
                    primary = Math.max(0, b.y() - (y + h));
                    across = gap(x, w, b.x(), b.w());
                }
                default -> {
                    if (b.y() >= y || by >= cy) {
                        continue;
                    }
                    primary = Math.max(0, y - (b.y() + b.h()));
                    across = gap(x, w, b.x(), b.w());
                }
            }
            double score = primary + 3 * across + 0.001 * Math.hypot(bx - cx, by - cy);
            if (score < bestScore) {
                bestScore = score;
                best = b;
            }
        }
        return best;
    }

    /** The box nearest the point (zero for the box it is in). */
    static Box nearest(TopologyLayout layout, double px, double py) {
        Box best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Box b : layout.boxes().values()) {
            double dx = Math.max(0, Math.max(b.x() - px, px - (b.x() + b.w())));
            double dy = Math.max(0, Math.max(b.y() - py, py - (b.y() + b.h())));
            double distance = Math.hypot(dx, dy);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = b;
            }
        }
        return best;
    }

    /** The gap between two intervals, 0 when they overlap. */
    private static double gap(double a, double la, double b, double lb) {
        return Math.max(0, Math.max(b - (a + la), a - (b + lb)));
    }

    /** The rectangle of a box, a pod's cell, or a collapsed group's box for its pods; null when not shown. */
    static javafx.geometry.Rectangle2D rectOf(TopologyLayout layout, KubeRef ref) {
        if (layout == null || ref == null) {
            return null;
        }
        TopologyLayout.PodPlace place = layout.places().get(ref);
        if (place != null) {
            Box group = layout.boxes().get(place.boxId());
            if (group.showsCells()) {
                double[] c = TopologyLayout.cell(group, place.slot());
                return new javafx.geometry.Rectangle2D(c[0], c[1], TopologyLayout.CELL, TopologyLayout.CELL);
            }
            return new javafx.geometry.Rectangle2D(group.x(), group.y(), group.w(), group.h());
        }
        Box b = layout.byRef().get(ref);
        return b == null ? null : new javafx.geometry.Rectangle2D(b.x(), b.y(), b.w(), b.h());
    }

    /**
     * How far (picture units, x then y) the view moves so that {@code r} is in {@code v} with
     * {@code margin} around it: not at all when it is; a tall rectangle shows its top.
     */
    static double[] nudge(javafx.geometry.Rectangle2D r, javafx.geometry.Rectangle2D v, double margin) {
        double dx = 0;
        double dy = 0;
        if (r.getMinX() < v.getMinX() + margin || r.getWidth() > v.getWidth() - 2 * margin) {
            dx = v.getMinX() + margin - r.getMinX();
        } else if (r.getMaxX() > v.getMaxX() - margin) {
            dx = v.getMaxX() - margin - r.getMaxX();
        }
        double top = r.getMinY();
        double bottom = Math.min(r.getMaxY(), top + v.getHeight() - 2 * margin);
        if (top < v.getMinY() + margin) {
            dy = v.getMinY() + margin - top;
        } else if (bottom > v.getMaxY() - margin) {
            dy = v.getMaxY() - margin - bottom;
        }
        return new double[] {dx, dy};
    }
}
