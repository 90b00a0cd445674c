package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.CounterDelta;
import com.gametriggers.companion.domain.ParticipationDay;
import com.gametriggers.companion.domain.ParticipationQuarterHour;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.TestIds;

/** The arithmetic and the guards, without a store. */
class TrackingRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");
    private static final String STREAMER = "64b7f0c2a1b2c3d4e5f60789";

    @Test
    void cpmEarnsTheRateForEveryThousandImpressionsExactly() {
        Campaign cpm = Campaigns.campaign(PaymentType.CPM, "4.50", null, null);

        assertThat(Earnings.micros(cpm, 1000, 7)).isEqualTo(4_500_000);
        assertThat(Earnings.micros(cpm, 1, 0)).isEqualTo(4_500);
        assertThat(Earnings.micros(cpm, 333, 0)).isEqualTo(1_498_500);
    }

    @Test
    void cpcEarnsTheRateForEveryClickAndNothingForImpressions() {
        Campaign cpc = Campaigns.campaign(PaymentType.CPC, "0.35", null, null);

        assertThat(Earnings.micros(cpc, 1_000_000, 3)).isEqualTo(1_050_000);
    }

    @Test
    void earningsAreRoundedOnceToSixPlacesHalfEven() {
        Campaign cpm = Campaigns.campaign(PaymentType.CPM, "0.0015", null, null);

        // 0.0015 per 1000: one impression earns 0.0000015, which rounds half-even to 0.000002
        assertThat(Earnings.micros(cpm, 1, 0)).isEqualTo(2);
        // rounding per batch, not per event: 3 impressions earn 0.0000045 -> 0.000004, not 3 x 0.000002
        assertThat(Earnings.micros(cpm, 3, 0)).isEqualTo(4);
    }

    @Test
    void onlyAnActiveParticipationOfARunningCampaignEarns() {
        Campaign campaign = Campaigns.campaign(PaymentType.CPM, "1", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));

        assertThat(new ParticipationTerms(STREAMER, ParticipationStatus.ACTIVE, campaign).billableAt(NOW)).isTrue();
        assertThat(new ParticipationTerms(STREAMER, ParticipationStatus.PAUSED, campaign).billableAt(NOW)).isFalse();
        assertThat(new ParticipationTerms(STREAMER, ParticipationStatus.LEFT, campaign).billableAt(NOW)).isFalse();
        assertThat(new ParticipationTerms(STREAMER, ParticipationStatus.ACTIVE, campaign).billableAt(NOW.minus(Duration.ofDays(2)))).isFalse();
        assertThat(new ParticipationTerms(STREAMER, ParticipationStatus.ACTIVE, campaign).billableAt(NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void coalescingSplitsBillableFromUnbilledAndDaysFromEachOther() {
        String id = TestIds.newId();
        Campaign campaign = Campaigns.campaign(PaymentType.CPM, "2", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(30)));
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        List<JournalEntry.Event> events = List.of(
                event(TrackingEvent.impression("a", id, NOW, 500), false),
                event(TrackingEvent.impression("b", id, NOW, 500), false),
                event(TrackingEvent.impression("c", id, yesterday, 250), false),
                event(TrackingEvent.viewerSample("d", id, NOW, 40), false),
                event(TrackingEvent.click("e", id, NOW, ClickType.QR, "v"), false),
                event(TrackingEvent.click("f", id, NOW, ClickType.QR, "v"), true));

        Coalescer.Coalesced coalesced = Coalescer.coalesce(events,
                Map.of(id, new ParticipationTerms(STREAMER, ParticipationStatus.ACTIVE, campaign)));

        CounterDelta total = coalesced.byParticipation().get(id);
        assertThat(total.impressions()).as("the viewer sample is no impression").isEqualTo(1250);
        assertThat(total.unbilledImpressions()).as("yesterday is before the campaign started").isEqualTo(250);
        assertThat(total.clicks()).isEqualTo(1);
        assertThat(total.qrScans()).isEqualTo(1);
        assertThat(total.filteredClicks()).isEqualTo(1);
        assertThat(total.viewerSampleCount()).isEqualTo(1);
        assertThat(total.peakViewerCount()).isEqualTo(40);
        assertThat(total.earningsMicros()).isEqualTo(2_000_000); // 1000 billable impressions at 2 per 1000
        assertThat(coalesced.byDay()).hasSize(2);
        assertThat(coalesced.byDay().values().stream().mapToLong(CounterDelta::earningsMicros).sum())
                .isEqualTo(total.earningsMicros());
        assertThat(coalesced.orphaned()).isZero();
        assertThat(coalesced.byQuarter()).as("now and yesterday, each in one quarter hour").hasSize(2);
    }

    @Test
    void earningsAreRoundedPerQuarterHourAndQuartersAddUpExactlyToDaysAndDaysToTheTotal() {
        String id = TestIds.newId();
        // 0.0015 per 1000: one impression earns 0.0000015, rounded half-even to 0.000002 in its own quarter
        Campaign campaign = Campaigns.campaign(PaymentType.CPM, "0.0015", NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2)));
        Instant lateEvening = Instant.parse("2026-11-27T23:44:59Z");
        List<JournalEntry.Event> events = List.of(
                event(TrackingEvent.impression("a", id, Instant.parse("2026-11-27T23:30:00Z"), 1), false),
                event(TrackingEvent.impression("b", id, lateEvening, 1), false),
                event(TrackingEvent.impression("c", id, lateEvening.plusSeconds(1), 1), false),
                event(TrackingEvent.impression("d", id, Instant.parse("2026-11-28T00:00:00Z"), 1), false),
                event(TrackingEvent.viewerSample("e", id, Instant.parse("2026-11-28T00:14:59Z"), 40), false),
                event(TrackingEvent.click("f", id, Instant.parse("2026-11-28T00:15:00Z"), ClickType.CHAT, "v"), false));

        Coalescer.Coalesced coalesced = Coalescer.coalesce(events,
                Map.of(id, new ParticipationTerms(STREAMER, ParticipationStatus.ACTIVE, campaign)));

        assertThat(coalesced.byQuarter().keySet()).extracting(ParticipationQuarterHour::start).containsExactlyInAnyOrder(
                Instant.parse("2026-11-27T23:30:00Z"), Instant.parse("2026-11-27T23:45:00Z"),
                Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-11-28T00:15:00Z"));
        assertThat(coalesced.byQuarter().get(new ParticipationQuarterHour(id, Instant.parse("2026-11-27T23:30:00Z")))
                .earningsMicros()).as("two impressions earn exactly 0.000003").isEqualTo(3);
        assertThat(coalesced.byQuarter().get(new ParticipationQuarterHour(id, Instant.parse("2026-11-27T23:45:00Z")))
                .earningsMicros()).isEqualTo(2);
        CounterDelta nov27 = coalesced.byDay().get(new ParticipationDay(id, LocalDate.of(2026, 11, 27)));
        CounterDelta nov28 = coalesced.byDay().get(new ParticipationDay(id, LocalDate.of(2026, 11, 28)));
        assertThat(nov27.impressions()).isEqualTo(3);
        assertThat(nov27.earningsMicros()).as("the day is its quarters, 3 + 2, not its own rounding of 0.0000045 to 4")
                .isEqualTo(5);
        assertThat(nov28.impressions()).isEqualTo(1);
        assertThat(nov28.clicks()).isEqualTo(1);
        assertThat(nov28.peakViewerCount()).isEqualTo(40);
        assertThat(coalesced.byQuarter().values().stream().reduce(CounterDelta.NONE, CounterDelta::plus))
                .isEqualTo(coalesced.byDay().values().stream().reduce(CounterDelta.NONE, CounterDelta::plus))
                .isEqualTo(coalesced.byParticipation().get(id));
    }

    @Test
    void theClickGuardCountsAViewerOncePerWindowAndPerParticipation() {
        ClickGuard guard = new ClickGuard(Duration.ofMinutes(10));
        long t0 = NOW.toEpochMilli();

        assertThat(guard.counts("p1", "viewer", t0)).isTrue();
        assertThat(guard.counts("p1", "viewer", t0 + Duration.ofMinutes(9).toMillis())).isFalse();
        assertThat(guard.counts("p2", "viewer", t0 + 1)).isTrue();
        assertThat(guard.counts("p1", "other", t0 + 1)).isTrue();
        assertThat(guard.counts("p1", "viewer", t0 + Duration.ofMinutes(10).toMillis())).isTrue();
        assertThat(guard.counts("p1", null, t0)).isTrue();
        assertThat(guard.counts("p1", null, t0)).isTrue();
    }

    @Test
    void theClickGuardForgetsViewersOnceTheirWindowIsOverSoALongStreamDoesNotGrowIt() {
        ClickGuard guard = new ClickGuard(Duration.ofMinutes(10));
        long t0 = NOW.toEpochMilli();
        long window = Duration.ofMinutes(10).toMillis();
        for (int viewer = 0; viewer < 1000; viewer++) {
            assertThat(guard.counts("p1", "viewer-" + viewer, t0 + viewer)).isTrue();
        }
        // A repeat within the window counts nothing and changes nothing.
        assertThat(guard.counts("p1", "viewer-0", t0 + window - 1)).isFalse();
        assertThat(guard.remembered()).isEqualTo(1000);

        // Exactly one window after the first click, that viewer is forgotten (and would count again); the rest stay.
        assertThat(guard.counts("p1", "late", t0 + window)).isTrue();
        assertThat(guard.remembered()).isEqualTo(1000);
        assertThat(guard.counts("p1", "viewer-1", t0 + window)).isFalse();

        // A window later still, only the last click is remembered.
        assertThat(guard.counts("p1", "latest", t0 + 2 * window)).isTrue();
        assertThat(guard.remembered()).isEqualTo(1);
        assertThat(guard.counts("p1", "viewer-999", t0 + 2 * window)).isTrue();
    }

    @Test
    void anEventResentExactlyAtTheEndOfTheRetentionStillCountsOnce() {
        RecentEventIds ids = new RecentEventIds(Duration.ofMinutes(30));
        long t0 = NOW.toEpochMilli();
        long retention = Duration.ofMinutes(30).toMillis();

        assertThat(ids.firstTime("beacon", t0)).isTrue();
        assertThat(ids.firstTime("other", t0 + retention)).isTrue();
        assertThat(ids.firstTime("beacon", t0 + retention)).as("resent at the very end of the retention").isFalse();
        assertThat(ids.firstTime("third", t0 + retention + 1)).isTrue();
        assertThat(ids.firstTime("beacon", t0 + retention + 1)).as("resent after the retention").isTrue();
    }

    @Test
    void recentIdsForgetWhatIsOlderThanTheRetention() {
        RecentEventIds ids = new RecentEventIds(Duration.ofMinutes(30));
        long t0 = NOW.toEpochMilli();

        assertThat(ids.firstTime("x", t0)).isTrue();
        assertThat(ids.firstTime("x", t0 + 1)).isFalse();
        assertThat(ids.firstTime("y", t0 + Duration.ofMinutes(31).toMillis())).isTrue();
        assertThat(ids.firstTime("x", t0 + Duration.ofMinutes(31).toMillis())).isTrue();
        assertThat(ids.size()).isEqualTo(2);
    }

    @Test
    void viewerKeysHideTheAddressButAreStableWithinARun() {
        ViewerKeys keys = ViewerKeys.withRandomSalt();

        assertThat(keys.forAddress("203.0.113.7")).isEqualTo(keys.forAddress("203.0.113.7"))
                .isNotEqualTo(keys.forAddress("203.0.113.8"))
                .doesNotContain("203.0.113.7")
                .isNotEqualTo(ViewerKeys.withRandomSalt().forAddress("203.0.113.7"));
    }

    @Test
    void journalEntriesSurviveTheirEncoding() throws Exception {
        JournalEntry.Event event = event(TrackingEvent.click("id-1", TestIds.newId(), NOW, ClickType.CHAT, "c:42"), true);
        JournalEntry.BatchCut cut = new JournalEntry.BatchCut("b1", new long[] {1, 5, 9, 9});

        assertThat(JournalEntry.decode(JournalEntry.encode(event))).isEqualTo(event);
        JournalEntry.BatchCut decodedCut = (JournalEntry.BatchCut) JournalEntry.decode(JournalEntry.encode(cut));
        assertThat(decodedCut.runs()).containsExactly(1, 5, 9, 9);
        assertThat(decodedCut.contains(3)).isTrue();
        assertThat(decodedCut.contains(7)).isFalse();
        assertThat(JournalEntry.decode(JournalEntry.encode(new JournalEntry.BatchConfirmed("b1"))))
                .isEqualTo(new JournalEntry.BatchConfirmed("b1"));
        assertThatThrownBy(() -> JournalEntry.decode(new byte[] {42})).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aShowingsTimeOnAirCountsNothingAndAmendsTheShowingInTheTrail() throws Exception {
        String id = TestIds.newId();
        Campaign campaign = Campaigns.campaign(PaymentType.CPM, "2", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(30)));
        JournalEntry.Event onAir = event(TrackingEvent.onAir("imp:ticket-1", id, NOW.plusSeconds(95), 95), false);

        Coalescer.Coalesced coalesced = Coalescer.coalesce(List.of(
                        event(TrackingEvent.impression("imp:ticket-1", id, NOW, 300), false), onAir),
                Map.of(id, new ParticipationTerms(STREAMER, ParticipationStatus.ACTIVE, campaign)));

        assertThat(coalesced.byParticipation().get(id).impressions()).isEqualTo(300);
        assertThat(coalesced.byParticipation().get(id).earningsMicros()).isEqualTo(600_000);
        assertThat(coalesced.activity()).extracting(Activity::kind,
                        Activity::id, Activity::secondsOnAir)
                .containsExactly(tuple(Activity.Kind.SHOWING, "imp:ticket-1", 0L),
                        tuple(Activity.Kind.ON_AIR, "imp:ticket-1", 95L));
        assertThat(onAir.event().showingEventId()).isEqualTo("imp:ticket-1");
        assertThat(JournalEntry.decode(JournalEntry.encode(onAir))).isEqualTo(onAir);
        assertThatThrownBy(() -> TrackingEvent.impression("x", id, NOW, 1).showingEventId())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedEventsAreRefusedWhereTheyAreMade() {
        String id = TestIds.newId();
        assertThatThrownBy(() -> TrackingEvent.impression("", id, NOW, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackingEvent.impression("x".repeat(129), id, NOW, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackingEvent.impression("a", "not-an-id", NOW, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackingEvent.impression("a", id, NOW, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrackingEvent.viewerSample("a", id, NOW, 0).count()).isZero();
    }

    private static JournalEntry.Event event(TrackingEvent event, boolean filtered) {
        return new JournalEntry.Event(event, filtered, NOW.toEpochMilli());
    }
}
