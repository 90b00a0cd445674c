package com.gametriggers.companion.domain;

/** A campaign's life cycle on the platform. */
public enum CampaignStatus implements WireNamed {
    DRAFT, ACTIVE, PAUSED, COMPLETED;

    public static CampaignStatus fromWireName(String value) {
        return WireNamed.parse(CampaignStatus.class, value);
    }
}
