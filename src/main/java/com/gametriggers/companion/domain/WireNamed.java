package com.gametriggers.companion.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * An enum stored the way the platform's Mongoose schemas store it: its constant name in lower case
 * ({@code "cpm"}, {@code "active"}, {@code "qr"}).
 */
public interface WireNamed {

    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown " + type.getSimpleName() + ": " + value));
    }
}
