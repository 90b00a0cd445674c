package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.DocumentMapping.objectId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.store.Schema.CampaignFields;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/** The campaigns a streamer can see and join. Campaigns belong to the platform; the app only adds local ones. */
public final class CampaignCatalog {

    private final MongoCollection<Document> campaigns;

    CampaignCatalog(MongoDatabase database) {
        this.campaigns = database.getCollection(Schema.CAMPAIGNS);
    }

    public Optional<Campaign> byId(String campaignId) {
        try {
            return Optional.ofNullable(campaigns.find(Filters.eq(Schema.ID, objectId(campaignId))).first())
                    .map(DocumentMapping::toCampaign);
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /**
     * The campaigns with these ids that exist, in one query.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    public List<Campaign> byIds(Collection<String> campaignIds) {
        try {
            return campaigns.find(Filters.in(Schema.ID, campaignIds.stream().map(DocumentMapping::objectId).toList()))
                    .map(DocumentMapping::toCampaign)
                    .into(new ArrayList<>());
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /** Campaigns open for joining, by brand. */
    public List<Campaign> active() {
        try {
            return campaigns.find(Filters.eq(CampaignFields.STATUS, CampaignStatus.ACTIVE.wireName()))
                    .sort(Sorts.ascending(CampaignFields.BRAND_NAME))
                    .map(DocumentMapping::toCampaign)
                    .into(new ArrayList<>());
        } catch (MongoException e) {
            throw StoreFailures.translate(e);
        }
    }

    /**
     * Adds a campaign unless one with its id exists; an existing one keeps everything the platform or a sponsor
     * changed, except that its end date can only move later. Used for local demo campaigns.
     */
    public Campaign addIfMissing(Campaign campaign) {
        Date now = new Date();
        List<Bson> changes = new ArrayList<>(List.of(
                Updates.setOnInsert(CampaignFields.NAME, campaign.name()),
                Updates.setOnInsert(CampaignFields.BRAND_NAME, campaign.brandName()),
                Updates.setOnInsert(CampaignFields.DESCRIPTION, campaign.description()),
                Updates.setOnInsert(CampaignFields.STATUS, campaign.status().wireName()),
                Updates.setOnInsert(CampaignFields.PAYMENT_TYPE, campaign.paymentType().wireName()),
                Updates.setOnInsert(CampaignFields.PAYMENT_RATE, campaign.paymentRate().doubleValue()),
                Updates.setOnInsert(CampaignFields.BUDGET, campaign.budget().doubleValue()),
                Updates.setOnInsert(CampaignFields.MEDIA_URL, campaign.mediaUrl()),
                Updates.setOnInsert(CampaignFields.MEDIA_TYPE, campaign.mediaType().wireName()),
                Updates.setOnInsert(CampaignFields.LANDING_URL, campaign.landingUrl()),
                Updates.setOnInsert(CampaignFields.CURRENCY, campaign.currency().getCurrencyCode()),
                Updates.setOnInsert(Schema.CREATED_AT, now),
                Updates.set(Schema.UPDATED_AT, now)));
        if (campaign.dailyBudget() != null) {
            changes.add(Updates.setOnInsert(CampaignFields.DAILY_BUDGET, campaign.dailyBudget().doubleValue()));
        }
        if (campaign.startDate() != null) {
            changes.add(Updates.setOnInsert(CampaignFields.START_DATE, Date.from(campaign.startDate())));
        }
        if (campaign.endDate() != null) {
            changes.add(Updates.max(CampaignFields.END_DATE, Date.from(campaign.endDate())));
        }
        try {
            campaigns.updateOne(Filters.eq(Schema.ID, objectId(campaign.id())), Updates.combine(changes),
                    new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            throw StoreFailures.translate(e); // on the platform's MongoDB: the app's role does not write campaigns
        }
        return byId(campaign.id()).orElseThrow();
    }
}
