package com.gametriggers.companion.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.DailyCounters;
import com.gametriggers.companion.domain.Participation;

/** The streamer's data an export reads; each call is store work, so exports run off the FX thread. */
public interface ExportSource {

    List<Participation> participations();

    List<Campaign> campaigns(Collection<String> campaignIds);

    /** The daily buckets of these participations, {@code from} to {@code to} inclusive (UTC days). */
    List<DailyCounters> dailyCounters(Collection<String> participationIds, LocalDate from, LocalDate to);

    /** The streamer's showings in {@code [from, to)}, oldest first. */
    List<Activity> showings(Instant from, Instant to);
}
