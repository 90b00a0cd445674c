package com.gametriggers.companion.tracking;

import java.util.Optional;

import com.gametriggers.companion.domain.ClickType;

/** What a tracked event counts. */
public enum EventType {
    /** The sponsor was on screen while the source was on air: {@code count} impressions (the viewers at that time). */
    IMPRESSION(null),
    /** A viewer count sampled while the sponsor was on air: {@code count} viewers, each an impression. */
    VIEWER_SAMPLE(null),
    CHAT_CLICK(ClickType.CHAT),
    QR_CLICK(ClickType.QR),
    LINK_CLICK(ClickType.LINK);

    private final ClickType clickType;

    EventType(ClickType clickType) {
        this.clickType = clickType;
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
