package com.gametriggers.companion.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.gametriggers.companion.concurrent.FakeTime;

import org.junit.jupiter.api.Test;


/** The numbers docs/ARCHITECTURE.md ("YouTube") quotes come from these cases. */
class QuotaBudgetTest {

    /** Midnight in Los Angeles (summer time), when Google's quota day begins. */
    private static final Instant PACIFIC_MIDNIGHT = Instant.parse("2030-05-01T07:00:00Z");
    private static final Duration ASKED = Duration.ofSeconds(5);

    private final FakeTime time = new FakeTime(PACIFIC_MIDNIGHT);

    @Test
    void sixHoursAtYouTubesPaceWouldCostTwiceTheDefaultQuota() {
        long reads = Duration.ofHours(6).dividedBy(ASKED);
        assertThat(reads * YouTubeCall.CHAT_LIST.units()).isEqualTo(21_600);
    }

    @Test
    void aSixHourStreamIsReadEveryThirteenSeconds() {
        QuotaBudget budget = budget(Duration.ofHours(6));
        budget.streamStarted();

        assertThat(budget.chatPace(ASKED)).isEqualTo(new ChatPace(Duration.ofSeconds(13),
                Optional.of("YouTube chat slowed to every 13 s to last the day's quota")));
    }

    @Test
    void anEightHourStreamIsReadEverySeventeenSeconds() {
        QuotaBudget budget = budget(Duration.ofHours(8));
        budget.streamStarted();

        assertThat(budget.chatPace(ASKED).delay()).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void theUnitsLeftSetThePaceAsTheDayGoesOn() {
        QuotaBudget budget = budget(Duration.ofHours(8));
        budget.streamStarted();
        for (int i = 0; i < 1000; i++) {
            budget.spend(YouTubeCall.CHAT_LIST);
        }

        // 5,000 left, 1,000 kept for answers and 480 for viewer counts: 704 reads in 8 hours.
        assertThat(budget.chatPace(ASKED).delay()).isEqualTo(Duration.ofSeconds(41));
    }

    @Test
    void neverFasterThanYouTubeAsks() {
        QuotaBudget budget = budget(Duration.ofHours(8));
        time.sleep(Duration.ofHours(23)); // an hour before the reset: plenty for the hour left
        budget.streamStarted();

        assertThat(budget.chatPace(ASKED)).isEqualTo(new ChatPace(ASKED, Optional.empty()));
        assertThat(budget.chatPace(Duration.ofSeconds(30)).delay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSpentQuotaStopsTheReadsUntilMidnightPacificTime() {
        QuotaBudget budget = budget(Duration.ofHours(8));
        time.sleep(Duration.ofHours(15));
        budget.exhausted();

        assertThat(budget.remaining()).isZero();
        assertThat(budget.canAfford(YouTubeCall.CHAT_INSERT)).isFalse();
        assertThat(budget.chatPace(ASKED)).isEqualTo(new ChatPace(Duration.ofHours(9),
                Optional.of("YouTube's daily quota is used up; chat reading resumes at 07:00 (midnight Pacific time)")));

        time.sleep(Duration.ofHours(9));
        assertThat(budget.remaining()).isEqualTo(QuotaBudget.DEFAULT_DAILY_UNITS);
    }

    @Test
    void theResetFollowsPacificWinterTimeToo() {
        FakeTime winter = new FakeTime(Instant.parse("2030-12-31T20:00:00Z"));
        assertThat(QuotaBudget.withDefaults(winter).nextReset()).isEqualTo(Instant.parse("2031-01-01T08:00:00Z"));
    }

    private QuotaBudget budget(Duration streamLength) {
        return new QuotaBudget(time, QuotaBudget.DEFAULT_DAILY_UNITS, streamLength, QuotaBudget.DEFAULT_ANSWER_RESERVE);
    }
}
