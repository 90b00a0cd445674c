package com.gametriggers.companion.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened for a sponsor, as the audit trail keeps it: a showing that was on air, or a viewer's click,
 * with what became of it. A sponsor who doubts a number gets these behind the totals.
 *
 * @param id          the event's own id (a showing's ticket, Twitch's message id, the redirect's id): stored once
 * @param kind        a showing, or which way the viewer came
 * @param at          when it counted: a showing once it had been on air for a second, a click when it arrived
 * @param impressions for a showing, the viewers at that moment (at least 1), each an impression; 0 for a click
 * @param outcome      counted and billed, filtered, or counted but not billed, and why
 * @param secondsOnAir for a showing, how long it was on air, as its page reported when it ended; 0 until then (a page
 *                     closed mid-showing never reports: the showing was on air for at least the second that counted it)
 */
public record Activity(String id, String streamerId, String participationId, String campaignId, Kind kind, Instant at,
                       long impressions, Outcome outcome, long secondsOnAir) {

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Something that happened, before any time on air was reported for it. */
    public Activity(String id, String streamerId, String participationId, String campaignId, Kind kind, Instant at,
                    long impressions, Outcome outcome) {
        this(id, streamerId, participationId, campaignId, kind, at, impressions, outcome, 0);
    }

    /**
     * What happened; clicks by the way the viewer came. {@link #ON_AIR} is no event of its own: it tells how long the
     * showing {@code id} was on air, and amends that showing's entry.
     */
    public enum Kind implements WireNamed {
        SHOWING, CHAT, QR, LINK, ON_AIR;

        public static Kind of(ClickType click) {
            return switch (click) {
                case CHAT -> CHAT;
                case QR -> QR;
                case LINK -> LINK;
            };
        }

        public static Kind fromWireName(String value) {
            return WireNamed.parse(Kind.class, value);
        }
    }

    /** What became of it, in the words the Activity list and the export use. */
    public enum Outcome implements WireNamed {
        COUNTED("counted", "billable"),
        REPEAT_VIEWER("filtered", "the same viewer again within the click window (10 minutes unless set otherwise)"),
        PARTICIPATION_PAUSED("unbilled", "the sponsor was paused"),
        PARTICIPATION_LEFT("unbilled", "the streamer had left the campaign"),
        CAMPAIGN_NOT_RUNNING("unbilled", "the campaign was not active (paused, completed or a draft)"),
        OUTSIDE_CAMPAIGN_DATES("unbilled", "outside the campaign's dates"),
        BUDGET_SPENT("unbilled", "the campaign's budget was spent"),
        DAILY_BUDGET_SPENT("unbilled", "the campaign's budget for the day (UTC) was spent");

        private final String verdict;
        private final String reason;

        Outcome(String verdict, String reason) {
            this.verdict = verdict;
            this.reason = reason;
        }

        /** {@code counted}, {@code filtered} or {@code unbilled}. */
        public String verdict() {
            return verdict;
        }

        public String reason() {
            return reason;
        }

        public boolean billable() {
            return this == COUNTED;
        }

        public static Outcome fromWireName(String value) {
            return WireNamed.parse(Outcome.class, value);
        }
    }
}
