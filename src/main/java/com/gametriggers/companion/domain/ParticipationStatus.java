package com.gametriggers.companion.domain;

/** Where a streamer stands in a campaign. Only active participations are shown on stream and earn. */
public enum ParticipationStatus implements WireNamed {
    ACTIVE, PAUSED, LEFT;

    public static ParticipationStatus fromWireName(String value) {
        return WireNamed.parse(ParticipationStatus.class, value);
    }
}
