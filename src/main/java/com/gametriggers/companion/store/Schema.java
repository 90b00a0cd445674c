package com.gametriggers.companion.store;

/**
 * Collection and field names, as the platform's Mongoose models spell them, so the app and the platform's
 * backend can share one database. Fields marked "app" are added by this app and ignored by the platform.
 */
final class Schema {

    static final String CAMPAIGNS = "campaigns";
    static final String PARTICIPATIONS = "campaignparticipations";
    static final String DAILY_STATS = "participationdailystats";
    /**
     * app: the same counters per participation and quarter hour, so a day of the streamer's own time zone adds up
     * exactly; the platform reads only the UTC days of {@link #DAILY_STATS}.
     */
    static final String QUARTER_HOURS = "participationquarterhours";
    /** app: the audit trail of showings, one document per showing on air; {@code _id} is the showing's ticket id. */
    static final String SHOWINGS = "participationshowings";
    /** app: the audit trail of clicks, one document per click; {@code _id} is the click's event id. */
    static final String CLICKS = "participationclicks";
    /**
     * app: what each campaign has paid out across every streamer's app, one document per campaign, {@code _id} the
     * campaign's. Kept apart from {@link #CAMPAIGNS} so that a streamer's role can add to it without the right to change
     * a sponsor's rates or budget.
     */
    static final String CAMPAIGN_SPEND = "campaignspend";

    static final String ID = "_id";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    /** Fields of {@code campaigns}. */
    static final class CampaignFields {
        static final String NAME = "name";
        static final String BRAND_NAME = "brandName";
        static final String DESCRIPTION = "description";
        static final String STATUS = "status";
        static final String PAYMENT_TYPE = "paymentType";
        static final String PAYMENT_RATE = "paymentRate";
        static final String BUDGET = "budget";
        /** The cap per UTC day, in the campaign's currency; absent or 0 for none. */
        static final String DAILY_BUDGET = "dailyBudget";
        static final String MEDIA_URL = "mediaUrl";
        static final String MEDIA_TYPE = "mediaType";
        static final String LANDING_URL = "landingUrl";
        static final String START_DATE = "startDate";
        static final String END_DATE = "endDate";
        /** ISO 4217, such as {@code EUR}; absent means US dollars. */
        static final String CURRENCY = "currency";

        private CampaignFields() {
        }
    }

    /** Fields of {@code campaignparticipations}. */
    static final class ParticipationFields {
        static final String CAMPAIGN_ID = "campaignId";
        static final String STREAMER_ID = "streamerId";
        static final String STATUS = "status";
        static final String BROWSER_SOURCE_TOKEN = "browserSourceToken";
        static final String IMPRESSIONS = "impressions";
        static final String CLICKS = "clicks";
        static final String CHAT_CLICKS = "chatClicks";
        static final String QR_SCANS = "qrScans";
        static final String LINK_CLICKS = "linkClicks";
        /** The platform's earnings number; a double, so the app also keeps {@link #EARNINGS_MICROS}. */
        static final String ESTIMATED_EARNINGS = "estimatedEarnings";
        /** Kept by the platform as a plain number; the app writes it only when it can do so race-free. */
        static final String AVG_VIEWER_COUNT = "avgViewerCount";
        static final String PEAK_VIEWER_COUNT = "peakViewerCount";
        static final String QR_CODE_URL = "qrCodeUrl";
        static final String TRACKING_URL = "trackingUrl";
        static final String CHAT_COMMAND = "chatCommand";
        static final String JOINED_AT = "joinedAt";
        /** app: exact earnings in millionths, the source of truth for the app's totals. */
        static final String EARNINGS_MICROS = "earningsMicros";
        /** app: repeat clicks of one viewer within the click guard's window, kept out of {@link #CLICKS}. */
        static final String FILTERED_CLICKS = "filteredClicks";
        /** app: impressions counted while nothing could be earned (paused, left, outside the campaign's dates). */
        static final String UNBILLED_IMPRESSIONS = "unbilledImpressions";
        /** app: clicks counted while nothing could be earned. */
        static final String UNBILLED_CLICKS = "unbilledClicks";
        /** app: the last batch ids applied to this document, newest last: what makes a retried batch count once. */
        static final String APPLIED_BATCHES = "appliedBatches";
        /** app: exact sum of all viewer samples, for the average. */
        static final String VIEWER_COUNT_SUM = "viewerCountSum";
        /** app: number of viewer samples, for the average. */
        static final String VIEWER_SAMPLE_COUNT = "viewerSampleCount";
        /** app: {@code streamerId + ":" + lower-case command}, what makes a chat command unique per streamer. */
        static final String CHAT_COMMAND_KEY = "chatCommandKey";

        private ParticipationFields() {
        }
    }

    /** Fields of {@code participationshowings} and {@code participationclicks}. */
    static final class ActivityFields {
        static final String STREAMER_ID = "streamerId";
        static final String PARTICIPATION_ID = "participationId";
        static final String CAMPAIGN_ID = "campaignId";
        /** When it counted: a showing once on air for a second, a click when it arrived. */
        static final String AT = "at";
        /** A showing's impressions: the viewers at that moment, at least 1. */
        static final String IMPRESSIONS = "impressions";
        /** A click's way in: {@code chat}, {@code qr} or {@code link}. */
        static final String CLICK_TYPE = "type";
        /** {@code counted}, {@code repeat_viewer}, {@code participation_paused}, … ({@code Activity.Outcome}). */
        static final String OUTCOME = "outcome";
        static final String BILLABLE = "billable";
        /** A showing's time on air in whole seconds, as its page reported when it ended; absent until then. */
        static final String SECONDS_ON_AIR = "secondsOnAir";

        private ActivityFields() {
        }
    }

    /** Fields of {@code campaignspend}. */
    static final class SpendFields {
        /** Exact total paid, in micro-units of the campaign's currency. */
        static final String SPENT_MICROS = "spentMicros";
        /** The same total as a number, for people and the platform's reports. */
        static final String SPENT = "spent";
        /** Micro-units paid per UTC day: a document {@code {"2026-12-01": 1250000}}. */
        static final String DAILY_SPENT_MICROS = "dailySpentMicros";
        /**
         * Per streamer id, the last four batches that app settled here, newest last: the batch id when it paid, the id and the
         * reason ({@code id:budget_spent}) when the budget refused it. Per streamer, so no other app's batches push a
         * batch in doubt out of the list.
         */
        static final String BATCHES_BY_STREAMER = "batchesByStreamer";

        private SpendFields() {
        }
    }

    /** Fields of {@code participationdailystats}; {@code _id} is {@code participationId + ':' + yyyy-mm-dd}. */
    static final class DailyStatsFields {
        static final String PARTICIPATION_ID = "participationId";
        static final String DAY = "day";

        private DailyStatsFields() {
        }
    }

    /**
     * Fields of {@code participationquarterhours}; {@code _id} is {@code participationId + ':' + start}, the start as
     * an ISO 8601 UTC instant ({@code 2026-12-01T23:15:00Z}).
     */
    static final class QuarterHourFields {
        static final String PARTICIPATION_ID = "participationId";
        /** The quarter's first instant, a date. */
        static final String START = "start";

        private QuarterHourFields() {
        }
    }

    private Schema() {
    }
}
