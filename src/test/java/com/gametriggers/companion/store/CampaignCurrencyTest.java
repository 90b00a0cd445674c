package com.gametriggers.companion.store;

import static com.gametriggers.companion.store.TestIds.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.PaymentType;

/** A campaign's currency as the platform writes it (ISO 4217), and what the app makes of a missing or bad one. */
@ExtendWith(StoreFixture.PerTest.class)
class CampaignCurrencyTest {

    private final StoreFixture fixture;

    CampaignCurrencyTest(StoreFixture fixture) {
        this.fixture = fixture;
    }

    private String platformCampaign(Object currency) {
        ObjectId id = new ObjectId();
        Document campaign = new Document("_id", id).append("name", "Keyboard week").append("brandName", "Tasten")
                .append("status", "active").append("paymentType", "cpc").append("paymentRate", 0.3);
        if (currency != null) {
            campaign.append("currency", currency);
        }
        fixture.raw().getCollection("campaigns").insertOne(campaign);
        return id.toHexString();
    }

    private Currency readBack(String campaignId) {
        return fixture.store().campaigns().byId(campaignId).orElseThrow().currency();
    }

    @Test
    void theCampaignNamesItsCurrency() {
        assertThat(readBack(platformCampaign("EUR"))).isEqualTo(Currency.getInstance("EUR"));
        assertThat(readBack(platformCampaign(" gbp "))).as("as a person may have typed it").isEqualTo(Currency.getInstance("GBP"));
    }

    @Test
    void noCurrencyOrOneThatIsNoIsoCodeReadsAsUsDollars() {
        assertThat(readBack(platformCampaign(null))).isEqualTo(Campaign.DEFAULT_CURRENCY);
        assertThat(readBack(platformCampaign(""))).isEqualTo(Campaign.DEFAULT_CURRENCY);
        assertThat(readBack(platformCampaign("EURO"))).isEqualTo(Campaign.DEFAULT_CURRENCY);
        assertThat(readBack(platformCampaign(978))).as("a number is no code").isEqualTo(Campaign.DEFAULT_CURRENCY);
        assertThat(Campaign.DEFAULT_CURRENCY.getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void aLocalCampaignKeepsItsCurrency() {
        Campaign local = new Campaign(newId(), "Keyboard week", "Tasten", "", CampaignStatus.ACTIVE, PaymentType.CPC,
                new BigDecimal("0.30"), new BigDecimal("500"), null, MediaType.IMAGE, null, null, null,
                Currency.getInstance("JPY"));

        if (fixture.isLeastPrivilege()) {
            assertThatThrownBy(() -> fixture.store().campaigns().addIfMissing(local)).isInstanceOf(StoreException.class)
                    .hasMessageEndingWith("the platform's administrators give it the role printed by --print-mongodb-setup.");
            return; // local campaigns are the embedded store's: the app's role writes none on the platform's MongoDB
        }
        assertThat(fixture.store().campaigns().addIfMissing(local).currency()).isEqualTo(Currency.getInstance("JPY"));
        assertThat(fixture.raw().getCollection("campaigns").find(new Document("_id", new ObjectId(local.id())))
                .first().getString("currency")).isEqualTo("JPY");
    }
}
