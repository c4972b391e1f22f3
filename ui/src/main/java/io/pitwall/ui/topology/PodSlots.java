package io.pitwall.ui.topology;

import io.pitwall.connectors.model.PodInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cell of its group's grid each pod takes, kept from one cluster state to the next so that
 * pods coming and going move as little as possible:
 * <ul>
 * <li>a pod that stays keeps its cell (a restart or a status change moves nothing);</li>
 * <li>a new pod takes a cell left by a pod that went away, else the next free cell at the end;</li>
 * <li>a cell left empty is filled by the pod in the last cell, so the grid stays dense and at
 *     most one pod moves per pod deleted.</li>
 * </ul>
 * Without an earlier order the pods are placed in name order.
 */
final class PodSlots {

    private PodSlots() {
    }

    /**
     * @param previous the group's pods in cell order as last shown, or null
     * @param current  the group's pods now, in name order
     * @return the pods of {@code current}, in cell order
     */
    static List<PodInfo> assign(List<PodInfo> previous, List<PodInfo> current) {
        if (previous == null || previous.isEmpty()) {
            return current;
        }
        Map<String, PodInfo> byName = new HashMap<>(current.size() * 2);
        for (PodInfo p : current) {
            byName.put(p.name(), p);
        }
        List<PodInfo> slots = new ArrayList<>(Math.max(previous.size(), current.size()));
        boolean same = previous.size() == current.size();
        for (PodInfo p : previous) {
            PodInfo now = byName.remove(p.name());
            same &= now != null;
            slots.add(now);
        }
        if (same) {
            return slots;
        }
        // newcomers, in name order, fill the holes first, then go at the end
        int hole = 0;
        for (PodInfo p : current) {
            if (!byName.containsKey(p.name())) {
                continue;
            }
            while (hole < slots.size() && slots.get(hole) != null) {
                hole++;
            }
            if (hole < slots.size()) {
                slots.set(hole, p);
            } else {
                slots.add(p);
            }
        }
        // holes left: the last pod moves into each
        int end = slots.size();
        for (int i = 0; i < end; i++) {
            if (slots.get(i) != null) {
                continue;
            }
            while (end > i && slots.get(end - 1) == null) {
                end--;
            }
            if (end - 1 > i) {
                slots.set(i, slots.get(end - 1));
                end--;
            }
        }
        slots.subList(end, slots.size()).clear();
        return slots;
    }
}
