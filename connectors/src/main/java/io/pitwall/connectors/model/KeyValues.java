package io.pitwall.connectors.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key-value lists of many owners (the tags of every span, the fields of every log) in three
 * arrays: owner {@code i}'s pairs are {@code keys[offsets[i]..offsets[i+1])}, with their values.
 * A hundred thousand spans' tags cost three arrays, not a hundred thousand maps. Keys and values
 * are interned per trace by the {@link TraceBuilder}. Immutable.
 */
public final class KeyValues {

    static final KeyValues EMPTY = new KeyValues(new int[] {0}, new String[0], new String[0]);

    private final int[] offsets;
    private final String[] keys;
    private final String[] values;

    private KeyValues(int[] offsets, String[] keys, String[] values) {
        this.offsets = offsets;
        this.keys = keys;
        this.values = values;
    }

    /** How many owners. */
    public int owners() {
        return offsets.length - 1;
    }

    /** How many pairs owner {@code i} has. */
    public int size(int i) {
        return offsets[i + 1] - offsets[i];
    }

    public String key(int i, int j) {
        return keys[index(i, j)];
    }

    public String value(int i, int j) {
        return values[index(i, j)];
    }

    /** The first value of {@code key} for owner {@code i}, or null. */
    public String get(int i, String key) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
            if (keys[k].equals(key)) {
                return values[k];
            }
        }
        return null;
    }

    /** Owner {@code i}'s pairs in order, as a new unmodifiable map (a repeated key: its last value). */
    public Map<String, String> asMap(int i) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
            m.put(keys[k], values[k]);
        }
        return Collections.unmodifiableMap(m);
    }

    private int index(int i, int j) {
        if (j < 0 || j >= size(i)) {
            throw new IndexOutOfBoundsException(j);
        }
        return offsets[i] + j;
    }

    /** Appends pairs to the current owner; {@link #endOwner()} closes it and opens the next. */
    static final class Builder {
        private int[] offsets = new int[16];
        private int owners;
        private String[] keys = new String[16];
        private String[] values = new String[16];
        private int size;

        void add(String key, String value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
        }

        /** The number of owners closed so far. */
        int owners() {
            return owners;
        }

        void endOwner() {
            if (owners + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            owners++;
            offsets[owners] = size;
        }

        KeyValues build() {
            if (size == 0 && owners == 0) {
                return EMPTY;
            }
            return new KeyValues(Arrays.copyOf(offsets, owners + 1), Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
        }
    }
}
