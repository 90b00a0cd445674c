package com.gametriggers.companion.overlay.rotation;

import java.util.Objects;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;

/**
 * A sponsor that can be shown: an active participation, its campaign, and how often it was shown so far. Paused and
 * left participations are neither shown nor paid for, so the caller leaves them out; one that slips through is a
 * wiring mistake and fails here rather than reaching the stream.
 */
public record RotationCandidate(Participation participation, Campaign campaign, long timesShown) {

    public RotationCandidate {
        Objects.requireNonNull(participation, "participation");
        Objects.requireNonNull(campaign, "campaign");
        if (participation.status() != ParticipationStatus.ACTIVE) {
            throw new IllegalArgumentException("Only an active participation can be shown; " + participation.id()
                    + " is " + participation.status().wireName());
        }
        if (!campaign.id().equals(participation.campaignId())) {
            throw new IllegalArgumentException("Participation " + participation.id() + " belongs to campaign "
                    + participation.campaignId() + ", not " + campaign.id());
        }
        if (timesShown < 0) {
            throw new IllegalArgumentException("timesShown must not be negative: " + timesShown);
        }
    }

    public String participationId() {
        return participation.id();
    }

    /** The name the streamer knows the sponsor by: the brand, or the campaign's name when the platform has none. */
    public String sponsorName() {
        String brand = campaign.brandName();
        return brand == null || brand.isBlank() ? campaign.name() : brand;
    }
}
