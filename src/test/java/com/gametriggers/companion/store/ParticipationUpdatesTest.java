package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

@ExtendWith(StoreFixture.PerTest.class)
class ParticipationUpdatesTest {

    private final StoreFixture fixture;
    private final ParticipationUpdates updates;

    ParticipationUpdatesTest(StoreFixture fixture) {
        this.fixture = fixture;
        this.updates = fixture.updates();
    }

    @Test
    void joiningCreatesAnActiveParticipationWithASecretTokenAndZeroCounters() {
        String campaignId = newId();
        String streamerId = newId();

        Participation joined = updates.join(campaignId, streamerId);

        assertThat(joined.campaignId()).isEqualTo(campaignId);
        assertThat(joined.streamerId()).isEqualTo(streamerId);
        assertThat(joined.status()).isEqualTo(ParticipationStatus.ACTIVE);
        assertThat(joined.browserSourceToken()).matches("[0-9a-f]{64}");
        assertThat(joined.impressions()).isZero();
        assertThat(joined.clicks()).isZero();
        assertThat(joined.estimatedEarnings()).isEqualByComparingTo("0");
        assertThat(joined.joinedAt()).isNotNull();
        assertThat(joined.updatedAt()).isNotNull();
        Document stored = fixture.rawParticipations().find(Filters.eq("_id", new ObjectId(joined.id()))).first();
        assertThat(stored.get("campaignId")).isEqualTo(new ObjectId(campaignId));
        assertThat(stored.get("createdAt")).isNotNull();
    }

    @Test
    void joiningTwiceReturnsTheSameParticipationAndToken() {
        String campaignId = newId();
        String streamerId = newId();
        Participation first = updates.join(campaignId, streamerId);
        updates.recordClick(first.id(), ClickType.QR, BigDecimal.ZERO);

        Participation second = updates.join(campaignId, streamerId);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.browserSourceToken()).isEqualTo(first.browserSourceToken());
        assertThat(second.qrScans()).isEqualTo(1);
        assertThat(fixture.rawParticipations().countDocuments()).isEqualTo(1);
    }

    @Test
    void everyTokenIsDifferent() {
        String streamerId = newId();
        Participation a = updates.join(newId(), streamerId);
        Participation b = updates.join(newId(), streamerId);

        assertThat(a.browserSourceToken()).isNotEqualTo(b.browserSourceToken());
    }

    @Test
    void aClickCountsInTheTotalAndInItsTypeWithItsEarnings() {
        Participation p = updates.join(newId(), newId());

        updates.recordClick(p.id(), ClickType.CHAT, new BigDecimal("0.35"));
        updates.recordClick(p.id(), ClickType.QR, new BigDecimal("0.35"));
        Participation after = updates.recordClick(p.id(), ClickType.LINK, new BigDecimal("0.35")).orElseThrow();

        assertThat(after.clicks()).isEqualTo(3);
        assertThat(after.chatClicks()).isEqualTo(1);
        assertThat(after.qrScans()).isEqualTo(1);
        assertThat(after.linkClicks()).isEqualTo(1);
        assertThat(after.estimatedEarnings()).isEqualByComparingTo("1.05");
    }

    @Test
    void impressionsAddUpWithExactEarningsAndThePlatformNumberBesideThem() {
        Participation p = updates.join(newId(), newId());

        for (int i = 0; i < 10; i++) {
            updates.recordImpressions(p.id(), 100, new BigDecimal("0.1"));
        }

        Participation after = fixture.store().participations().byId(p.id()).orElseThrow();
        assertThat(after.impressions()).isEqualTo(1000);
        // Ten binary-double additions of 0.1 would not give exactly 1; the micro-unit total does.
        assertThat(after.estimatedEarnings()).isEqualByComparingTo("1.000000");
        Document stored = fixture.rawParticipations().find(Filters.eq("_id", new ObjectId(p.id()))).first();
        assertThat(stored.get("earningsMicros", Number.class).longValue()).isEqualTo(1_000_000L);
        assertThat(stored.getDouble("estimatedEarnings")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void earningsAreRoundedOnceToSixPlaces() {
        Participation p = updates.join(newId(), newId());

        Participation after = updates.recordImpressions(p.id(), 1, new BigDecimal("0.0045005")).orElseThrow();

        assertThat(after.estimatedEarnings()).isEqualByComparingTo("0.004500");
    }

    @Test
    void viewerSamplesKeepThePeakAndAnExactAverageAndAreNoImpressions() {
        Participation p = updates.join(newId(), newId());

        updates.recordViewerSample(p.id(), 120);
        updates.recordViewerSample(p.id(), 300);
        Participation after = updates.recordViewerSample(p.id(), 60).orElseThrow();

        assertThat(after.impressions()).isZero();
        assertThat(after.estimatedEarnings()).isZero();
        assertThat(after.peakViewerCount()).isEqualTo(300);
        assertThat(after.viewerSampleCount()).isEqualTo(3);
        assertThat(after.averageViewerCount()).isEqualTo(160.0);
    }

    @Test
    void qrCodeUrlTrackingUrlAndChatCommandAreSet() {
        Participation p = updates.join(newId(), newId());

        assertThat(updates.setQrCodeUrl(p.id(), "http://127.0.0.1:7070/qr/abc.png")).get()
                .extracting(Participation::qrCodeUrl).isEqualTo("http://127.0.0.1:7070/qr/abc.png");
        Participation after = updates.setTrackingLinks(p, "http://127.0.0.1:7070/t/xyz", "!nova").orElseThrow();

        assertThat(after.qrCodeUrl()).isEqualTo("http://127.0.0.1:7070/qr/abc.png");
        assertThat(after.trackingUrl()).isEqualTo("http://127.0.0.1:7070/t/xyz");
        assertThat(after.chatCommand()).isEqualTo("!nova");
    }

    @Test
    void aChatCommandIsUniquePerStreamerWhateverItsCase() {
        String streamerId = newId();
        Participation first = updates.join(newId(), streamerId);
        Participation second = updates.join(newId(), streamerId);
        Participation otherStreamers = updates.join(newId(), newId());
        updates.setTrackingLinks(first, "http://t/1", "!nova");

        assertThatThrownBy(() -> updates.setTrackingLinks(second, "http://t/2", "!NOVA"))
                .isInstanceOf(ChatCommandTakenException.class)
                .hasMessageContaining("!NOVA");
        assertThat(updates.setTrackingLinks(otherStreamers, "http://t/3", "!nova")).isPresent();
        assertThat(fixture.store().participations().byId(second.id()).orElseThrow().chatCommand()).isNull();
        // The participation that holds the command can set it again.
        assertThat(updates.setTrackingLinks(first, "http://t/1b", "!nova").orElseThrow().trackingUrl()).isEqualTo("http://t/1b");
    }

    @Test
    void pauseResumeAndLeaveMoveOnlyFromTheirStartingStatus() {
        Participation p = updates.join(newId(), newId());

        assertThat(updates.resume(p.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.ACTIVE);
        assertThat(updates.pause(p.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.PAUSED);
        assertThat(updates.pause(p.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.PAUSED);
        assertThat(updates.resume(p.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.ACTIVE);
        assertThat(updates.leave(p.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.LEFT);
        assertThat(updates.resume(p.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.LEFT);
        assertThat(updates.pause(p.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.LEFT);
        assertThat(updates.join(p.campaignId(), p.streamerId()).status()).isEqualTo(ParticipationStatus.ACTIVE);
    }

    @Test
    void anUnknownParticipationIsReportedAsAbsentAndNothingIsCreated() {
        String unknown = newId();

        assertThat(updates.recordClick(unknown, ClickType.LINK, BigDecimal.ONE)).isEmpty();
        assertThat(updates.recordImpressions(unknown, 5, BigDecimal.ONE)).isEmpty();
        assertThat(updates.recordViewerSample(unknown, 5)).isEmpty();
        assertThat(updates.setQrCodeUrl(unknown, "x")).isEmpty();
        assertThat(updates.pause(unknown)).isEmpty();
        assertThat(updates.leave(unknown)).isEmpty();
        assertThat(fixture.rawParticipations().countDocuments()).isZero();
    }

    @Test
    void updatedAtMovesForwardWithEveryChange() {
        Participation p = updates.join(newId(), newId());
        // The store stamps changes with the wall clock in milliseconds: the next change comes once it has moved on.
        await("the clock past the join").atMost(Duration.ofSeconds(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(p.updatedAt()));

        Participation after = updates.recordClick(p.id(), ClickType.LINK, BigDecimal.ZERO).orElseThrow();

        assertThat(after.updatedAt()).isAfter(p.updatedAt());
    }

    @Test
    void fieldsWrittenByThePlatformSurviveEveryUpdate() {
        Participation p = updates.join(newId(), newId());
        ObjectId id = new ObjectId(p.id());
        fixture.rawParticipations().updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("platformNote", "keep me"), Updates.set("__v", 3)));

        updates.recordClick(p.id(), ClickType.CHAT, BigDecimal.ONE);
        updates.recordImpressions(p.id(), 10, BigDecimal.ONE);
        updates.recordViewerSample(p.id(), 10);
        updates.setQrCodeUrl(p.id(), "q");
        updates.setTrackingLinks(p, "t", "!c");
        updates.pause(p.id());
        updates.resume(p.id());
        updates.join(p.campaignId(), p.streamerId());
        updates.leave(p.id());

        Document stored = fixture.rawParticipations().find(Filters.eq("_id", id)).first();
        assertThat(stored.getString("platformNote")).isEqualTo("keep me");
        assertThat(stored.get("__v", Number.class).intValue()).isEqualTo(3);
        assertThat(stored.getString("browserSourceToken")).isEqualTo(p.browserSourceToken());
    }

    @Test
    void participationsWrittenByThePlatformWithoutATokenDoNotCollide() {
        fixture.rawParticipations().insertOne(new Document("campaignId", new ObjectId()).append("streamerId", new ObjectId()));
        fixture.rawParticipations().insertOne(new Document("campaignId", new ObjectId()).append("streamerId", new ObjectId()));

        Participation joined = updates.join(newId(), newId());

        assertThat(joined.browserSourceToken()).isNotNull();
        assertThat(fixture.rawParticipations().countDocuments()).isEqualTo(3);
    }

    @Test
    void indexesAreCreatedAndOpeningAgainIsHarmless() {
        fixture.reopen();

        assertThat(fixture.rawParticipations().listIndexes().map(index -> index.getString("name")).into(new java.util.ArrayList<>()))
                .contains("browserSourceToken_1", "campaignId_1_streamerId_1", "chatCommandKey_1");
    }
}
