package com.gametriggers.companion.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Logs a recurring problem once per kind and counts every occurrence, so a server sending one odd line a second
 * cannot flood the log.
 */
final class OncePerKind {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final LongAdder count = new LongAdder();

    /** @return true the first time this kind is seen: the caller logs then */
    boolean firstTime(String kind) {
        count.increment();
        return seen.add(kind);
    }

    long count() {
        return count.sum();
    }
}
