package com.gametriggers.companion.domain;

/** The kind of creative a campaign shows on stream. */
public enum MediaType implements WireNamed {
    IMAGE, VIDEO;

    public static MediaType fromWireName(String value) {
        return WireNamed.parse(MediaType.class, value);
    }
}
