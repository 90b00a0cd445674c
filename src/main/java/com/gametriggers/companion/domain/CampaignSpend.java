package com.gametriggers.companion.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a campaign has paid out across every streamer's app, in micro-units of its currency: in total and per UTC day
 * (the day the platform's daily statistics use, so a daily budget means the same day for every streamer).
 */
public record CampaignSpend(long totalMicros, Map<LocalDate, Long> microsByUtcDay) {

    /** A campaign nothing was paid for yet. */
    public static final CampaignSpend NONE = new CampaignSpend(0, Map.of());

    public CampaignSpend {
        microsByUtcDay = Map.copyOf(microsByUtcDay);
    }

    public long onUtcDay(LocalDate day) {
        return microsByUtcDay.getOrDefault(day, 0L);
    }
}
