package com.gametriggers.companion.domain;

/** How a viewer reached the sponsor: typed the chat command, scanned the QR code, or clicked the link. */
public enum ClickType implements WireNamed {
    CHAT, QR, LINK;

    public static ClickType fromWireName(String value) {
        return WireNamed.parse(ClickType.class, value);
    }
}
