package com.gametriggers.companion.tracking;

import java.util.Optional;

import com.gametriggers.companion.domain.ClickType;

/**
 * What a tracked event counts. Each type has a code of its own, which the journal stores: the codes of journals
 * already on disk must keep their meaning, so a new type takes a new code, and a code is never reused.
 */
public enum EventType {
    /** The sponsor was on screen while the source was on air: {@code count} impressions (the viewers at that time). */
    IMPRESSION(0, null),
    /** A viewer count sampled while the sponsor was on air: {@code count} viewers, each an impression. */
    VIEWER_SAMPLE(1, null),
    CHAT_CLICK(2, ClickType.CHAT),
    QR_CLICK(3, ClickType.QR),
    LINK_CLICK(4, ClickType.LINK),
    /**
     * How long a showing already counted was on air, in whole seconds ({@code count}), reported when it ends: kept
     * with that showing in the audit trail, counted in no counter.
     */
    ON_AIR(5, null);

    private final int code;
    private final ClickType clickType;

    EventType(int code, ClickType clickType) {
        this.code = code;
        this.clickType = clickType;
    }

    /** The code the journal stores; the first release stored the position in this list, which these codes keep. */
    int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code no type has */
    static EventType ofCode(int code) {
        for (EventType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown event type code " + code);
    }

    public Optional<ClickType> clickType() {
        return Optional.ofNullable(clickType);
    }

    public static EventType of(ClickType clickType) {
        return switch (clickType) {
            case CHAT -> CHAT_CLICK;
            case QR -> QR_CLICK;
            case LINK -> LINK_CLICK;
        };
    }
}
