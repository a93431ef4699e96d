package org.aitia.model;

import java.util.List;
import java.util.Map;

/** Argument checks for the records' compact constructors. Each message names the field. */
final class Checks {
    private Checks() {}

    static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static <K, V> Map<K, V> copyOf(Map<K, V> map, String field) {
        if (map == null) {
            return Map.of();
        }
        for (Map.Entry<K, V> e : map.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException(field + " must not hold null keys or values");
            }
        }
        return Map.copyOf(map);
    }

    static <T> List<T> copyOf(List<T> list, String field) {
        if (list == null) {
            return List.of();
        }
        for (T t : list) {
            if (t == null) {
                throw new IllegalArgumentException(field + " must not hold null elements");
            }
        }
        return List.copyOf(list);
    }
}
