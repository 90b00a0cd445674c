package com.gametriggers.companion.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.CampaignSpend;
import com.gametriggers.companion.domain.DailyEarnings;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.export.ExportSource;

/**
 * What the window reads about the streamer, as domain values: the window never holds the store itself, so how the
 * data is kept (and every write rule that comes with it) stays in the {@code store} package. Each read is store work:
 * call it off the FX thread; a failed read throws the store's own sentence.
 */
public interface StreamerData extends ExportSource {

    /** Where the counts are kept, as the status bar shows it (no password). */
    String storeAddress();

    /** Whether the store is the app's own, in the data folder (a first start has no campaigns yet). */
    boolean storeEmbedded();

    /**
     * The indexes the app relies on that the platform's MongoDB lacked at start, as {@code collection.name}: the app
     * creates none there, so the platform's administrators must. Empty on the embedded store.
     */
    List<String> storeMissingIndexes();

    /** The display name of the GameTriggers account the app is connected as; empty when it is not connected. */
    Optional<String> connectedAs();

    /** The streamer's participations, paused and left ones too: what they earned stays earned. */
    @Override
    List<Participation> participations();

    /**
     * What these participations counted and earned per day of {@code zone} (the streamer's days, not the store's UTC
     * days), {@code from} to {@code to} inclusive.
     */
    List<DailyEarnings> dailyEarnings(Collection<String> participationIds, ZoneId zone, LocalDate from, LocalDate to);

    /**
     * What these campaigns have paid out across every streamer's app; a campaign nothing was paid for has no entry, and
     * a store that cannot say (a platform role set up before budgets) gives none.
     */
    Map<String, CampaignSpend> campaignSpending(Collection<String> campaignIds);

    /** The participation's showings and clicks from {@code since} on, newest first, at most {@code limit}. */
    List<Activity> activity(String participationId, Instant since, int limit);

}
