package com.gametriggers.companion.ui.earnings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.ui.AppSession;
import com.gametriggers.companion.ui.StreamerData;

/**
 * Reads what {@link EarningsSummary} needs from the store: the streamer's participations (paused and left ones too,
 * since what they earned stays earned), their campaigns and the daily buckets of the last
 * {@value EarningsSummary#CHART_DAYS} days. Three queries; store work, so it runs off the FX thread.
 *
 * <p>Days are the streamer's own, in {@code clock}'s zone (the system's zone in the app): "today" is the local date of
 * {@code clock}'s instant, and the store folds its quarter-hour buckets into those days, so an evening's stream in
 * New York stays on one day.
 */
public final class EarningsLoader {

    private EarningsLoader() {
    }

    /** The loader the earnings view takes for the running app, on the app's clock. */
    public static Callable<EarningsSummary> of(AppSession session) {
        return () -> load(session.data(), session.clock());
    }

    /**
     * The streamer's earnings as of {@code clock}'s current day, in {@code clock}'s zone.
     *
     * @throws com.gametriggers.companion.store.StoreException when the store cannot be read
     */
    public static EarningsSummary load(StreamerData data, Clock clock) {
        LocalDate today = today(clock);
        List<Participation> participations = data.participations();
        if (participations.isEmpty()) {
            return EarningsSummary.of(List.of(), Map.of(), List.of(), today);
        }
        List<String> campaignIds = participations.stream().map(Participation::campaignId)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, Campaign> campaigns = data.campaigns(campaignIds).stream()
                .collect(Collectors.toMap(Campaign::id, Function.identity(), (a, b) -> a));
        List<DailyEarnings> daily = data.dailyEarnings(
                participations.stream().map(Participation::id).toList(), clock.getZone(),
                today.minusDays(EarningsSummary.CHART_DAYS - 1L), today);
        return EarningsSummary.of(participations, campaigns, daily, today);
    }

    /** The date of the clock's instant in the clock's zone. */
    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }
}
