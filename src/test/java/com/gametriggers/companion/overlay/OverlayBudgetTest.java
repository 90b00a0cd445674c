package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.store.TestIds;

/** A campaign whose budget is spent leaves the rotation and chat's sponsors, whichever app spent it. */
class OverlayBudgetTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private OverlayHarness harness;
    private Campaign campaign;

    @BeforeEach
    void start() {
        harness = new OverlayHarness(dir, Optional.empty());
        campaign = harness.store.campaigns().byId(harness.sponsor.campaignId()).orElseThrow();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private boolean showable() {
        return harness.server.control().showableSponsors().stream()
                .anyMatch(sponsor -> sponsor.participationId().equals(harness.sponsor.id()));
    }

    @Test
    void aSpentBudgetTakesTheSponsorOffTheRotationAtTheNextRead() {
        assertThat(showable()).isTrue();

        // Another streamer's app spends the whole budget of 2500 today.
        Activity.Outcome paid = harness.store.campaignSpending().spend(campaign, TestIds.newId(), "batch-1",
                Map.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), campaign.budgetMicros())).outcome();
        assertThat(paid).isEqualTo(Activity.Outcome.COUNTED);
        harness.server.control().refreshSoon();

        await().atMost(Duration.ofSeconds(10)).until(() -> !showable());
    }
}
