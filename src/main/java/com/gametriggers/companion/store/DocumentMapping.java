package com.gametriggers.companion.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Money;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.Schema.CampaignFields;
import com.gametriggers.companion.store.Schema.ParticipationFields;

/**
 * Reads stored documents into domain records. Lenient about what the platform may have written (ints, longs or
 * doubles for counters, ObjectId or string ids, missing fields) because both write the same collections. Mapping
 * only ever reads: the app writes with update operators, so fields it does not know survive untouched.
 */
final class DocumentMapping {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocumentMapping.class);

    private DocumentMapping() {
    }

    static ObjectId objectId(String id) {
        if (!ObjectId.isValid(id)) {
            throw new IllegalArgumentException("Not a valid id: " + id);
        }
        return new ObjectId(id);
    }

    static Participation toParticipation(Document doc) {
        return new Participation(
                idString(doc.get(Schema.ID)),
                idString(doc.get(ParticipationFields.CAMPAIGN_ID)),
                idString(doc.get(ParticipationFields.STREAMER_ID)),
                ParticipationStatus.fromWireName(doc.get(ParticipationFields.STATUS, ParticipationStatus.ACTIVE.wireName())),
                doc.getString(ParticipationFields.BROWSER_SOURCE_TOKEN),
                count(doc, ParticipationFields.IMPRESSIONS),
                count(doc, ParticipationFields.CLICKS),
                count(doc, ParticipationFields.CHAT_CLICKS),
                count(doc, ParticipationFields.QR_SCANS),
                count(doc, ParticipationFields.LINK_CLICKS),
                count(doc, ParticipationFields.FILTERED_CLICKS),
                count(doc, ParticipationFields.UNBILLED_IMPRESSIONS),
                count(doc, ParticipationFields.UNBILLED_CLICKS),
                earnings(doc),
                count(doc, ParticipationFields.PEAK_VIEWER_COUNT),
                count(doc, ParticipationFields.VIEWER_COUNT_SUM),
                count(doc, ParticipationFields.VIEWER_SAMPLE_COUNT),
                doc.getString(ParticipationFields.QR_CODE_URL),
                doc.getString(ParticipationFields.TRACKING_URL),
                doc.getString(ParticipationFields.CHAT_COMMAND),
                instant(doc.get(ParticipationFields.JOINED_AT)),
                instant(doc.get(Schema.UPDATED_AT)));
    }

    static Campaign toCampaign(Document doc) {
        return new Campaign(
                idString(doc.get(Schema.ID)),
                doc.getString(CampaignFields.NAME),
                doc.getString(CampaignFields.BRAND_NAME),
                doc.getString(CampaignFields.DESCRIPTION),
                CampaignStatus.fromWireName(doc.get(CampaignFields.STATUS, CampaignStatus.ACTIVE.wireName())),
                PaymentType.fromWireName(doc.get(CampaignFields.PAYMENT_TYPE, PaymentType.CPM.wireName())),
                decimal(doc.get(CampaignFields.PAYMENT_RATE)),
                decimal(doc.get(CampaignFields.BUDGET)),
                doc.getString(CampaignFields.MEDIA_URL),
                MediaType.fromWireName(doc.get(CampaignFields.MEDIA_TYPE, MediaType.IMAGE.wireName())),
                doc.getString(CampaignFields.LANDING_URL),
                instant(doc.get(CampaignFields.START_DATE)),
                instant(doc.get(CampaignFields.END_DATE)),
                currency(doc.get(CampaignFields.CURRENCY), doc.get(Schema.ID)),
                decimal(doc.get(CampaignFields.DAILY_BUDGET)));
    }

    /**
     * The campaign's ISO 4217 currency; US dollars when the platform names none. A code that is not one is logged and
     * read as none, so one bad field does not hide the streamer's campaigns.
     */
    private static Currency currency(Object code, Object campaignId) {
        if (!(code instanceof String text) || text.isBlank()) {
            return Campaign.DEFAULT_CURRENCY;
        }
        try {
            return Currency.getInstance(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            log.warn("Campaign {} names the currency '{}', which is no ISO 4217 code; its amounts are shown as {}",
                    campaignId, text, Campaign.DEFAULT_CURRENCY);
            return Campaign.DEFAULT_CURRENCY;
        }
    }

    /** The exact micro-unit total when the app has written one, else the platform's own number. */
    private static BigDecimal earnings(Document doc) {
        Object micros = doc.get(ParticipationFields.EARNINGS_MICROS);
        if (micros instanceof Number number) {
            return Money.fromMicros(number.longValue());
        }
        return decimal(doc.get(ParticipationFields.ESTIMATED_EARNINGS));
    }

    private static long count(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number number ? number.longValue() : 0L;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return BigDecimal.ZERO;
    }

    static String idString(Object id) {
        if (id instanceof ObjectId objectId) {
            return objectId.toHexString();
        }
        return id == null ? null : id.toString();
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
