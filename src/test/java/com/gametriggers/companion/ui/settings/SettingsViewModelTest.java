package com.gametriggers.companion.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.ui.settings.SettingsViewModel.Field;
import com.gametriggers.companion.ui.settings.SettingsViewModel.Values;

class SettingsViewModelTest {

    private static final String URI_WITH_PASSWORD = "mongodb://streamer:s3cret@db.example.net:27017/gt";

    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> new Thread(task, "settings-test"));

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static final List<String> TAGS = List.of("#ad", "#sponsored");

    private static Values defaults() {
        return new Values(Optional.empty(), 17730, Optional.empty(), Optional.empty(), TAGS, "dark");
    }

    private static Values withUri(String uri) {
        return new Values(Optional.of(uri), 17730, Optional.empty(), Optional.empty(), TAGS, "dark");
    }

    @Test
    void theFormShowsTheValuesItWasGiven() {
        Values values = new Values(Optional.of("mongodb://db.example.net/gt"), 18000,
                Optional.of(URI.create("https://gt.example.net")), Optional.of("abc123"), List.of("#werbung", "#ad"), "light");
        SettingsViewModel model = new SettingsViewModel(values);

        assertThat(model.mongoUriText()).isEqualTo("mongodb://db.example.net/gt");
        assertThat(model.overlayPortText()).isEqualTo("18000");
        assertThat(model.publicTrackingUrlText()).isEqualTo("https://gt.example.net");
        assertThat(model.twitchClientIdText()).isEqualTo("abc123");
        assertThat(model.disclosureTagsText()).isEqualTo("#werbung, #ad");
        assertThat(model.theme()).isEqualTo("light");
        assertThat(model.validate()).isEmpty();
        assertThat(model.values()).contains(values);
        assertThat(model.hasChanges()).isFalse();
    }

    @Test
    void eachWrongFieldGetsASentenceTheStreamerUnderstands() {
        SettingsViewModel model = new SettingsViewModel(defaults());
        model.setMongoUriText("db.example.net:27017");
        model.setOverlayPortText("80");
        model.setPublicTrackingUrlText("gt.example.net");
        model.setTwitchClientIdText("not an id!");
        model.setDisclosureTagsText("ad");
        model.setTheme("purple");

        Map<Field, String> errors = model.validate();

        assertThat(errors).containsOnlyKeys(Field.values());
        assertThat(errors.get(Field.MONGO_URI)).isEqualTo("The MongoDB address must start with mongodb:// or mongodb+srv://.");
        assertThat(errors.get(Field.OVERLAY_PORT)).isEqualTo("The overlay port must be a number from 1024 to 65535.");
        assertThat(errors.get(Field.PUBLIC_TRACKING_URL)).startsWith("The public tracking URL must be a web address");
        assertThat(errors.get(Field.TWITCH_CLIENT_ID)).startsWith("The Twitch client id can only contain letters and digits");
        assertThat(errors.get(Field.DISCLOSURE_TAGS)).startsWith("Disclosure tags must be one or more #words");
        assertThat(errors.get(Field.THEME)).isEqualTo("The theme must be dark or light.");
        assertThat(errors.values()).allSatisfy(sentence -> assertThat(sentence).matches("[A-Z].*\\.$"));
        assertThat(model.values()).isEmpty();
        assertThat(model.error(Field.OVERLAY_PORT)).contains(errors.get(Field.OVERLAY_PORT));
    }

    @Test
    void portsThatAreNotNumbersOrOutOfRangeAreRefused() {
        SettingsViewModel model = new SettingsViewModel(defaults());
        for (String port : List.of("", "abc", "1023", "65536", "-1", "17730.5", "99999999999")) {
            model.setOverlayPortText(port);
            assertThat(model.validate()).as(port).containsKey(Field.OVERLAY_PORT);
        }
        for (String port : List.of("1024", "17730", " 17731 ", "65535")) {
            model.setOverlayPortText(port);
            assertThat(model.validate()).as(port).doesNotContainKey(Field.OVERLAY_PORT);
        }
    }

    @Test
    void mongoAddressesNeedASchemeAServerAndNoSpaces() {
        SettingsViewModel model = new SettingsViewModel(defaults());

        model.setMongoUriText("mongodb://");
        assertThat(model.validate().get(Field.MONGO_URI)).isEqualTo("The MongoDB address needs a server name after mongodb://.");
        model.setMongoUriText("mongodb+srv://user:pw@/gt");
        assertThat(model.validate().get(Field.MONGO_URI)).isEqualTo("The MongoDB address needs a server name after mongodb+srv://.");
        model.setMongoUriText("mongodb://db example/gt");
        assertThat(model.validate().get(Field.MONGO_URI)).isEqualTo("The MongoDB address must not contain spaces.");

        for (String fine : List.of("", "mongodb://localhost", "mongodb://a:1,b:2/gt?replicaSet=rs0",
                "mongodb+srv://user:pw@cluster0.example.mongodb.net/gt")) {
            model.setMongoUriText(fine);
            assertThat(model.validate()).as(fine).doesNotContainKey(Field.MONGO_URI);
        }
    }

    @Test
    void emptyOptionalFieldsBecomeEmptyValues() {
        SettingsViewModel model = new SettingsViewModel(withUri(URI_WITH_PASSWORD));
        model.setMongoUriText("  ");
        model.setTwitchClientIdText(" ");
        model.setPublicTrackingUrlText("");

        Values values = model.values().orElseThrow();

        assertThat(values.mongoUri()).isEmpty();
        assertThat(values.twitchClientId()).isEmpty();
        assertThat(values.publicTrackingUrl()).isEmpty();
        assertThat(model.hasChanges()).isTrue();
    }

    @Test
    void thePasswordIsShownMaskedAndKeptWhenTheMaskIsLeftInPlace() {
        SettingsViewModel model = new SettingsViewModel(withUri(URI_WITH_PASSWORD));

        assertThat(model.mongoUriText()).isEqualTo("mongodb://streamer:****@db.example.net:27017/gt");

        model.setMongoUriText("mongodb://streamer:****@db2.example.net:27017/gt");
        assertThat(model.values().orElseThrow().mongoUri()).contains("mongodb://streamer:s3cret@db2.example.net:27017/gt");
        assertThat(model.mongoUriText()).doesNotContain("s3cret");

        model.setMongoUriText("mongodb://streamer:n3w@db2.example.net:27017/gt");
        assertThat(model.values().orElseThrow().mongoUri()).contains("mongodb://streamer:n3w@db2.example.net:27017/gt");
        assertThat(model.mongoUriText()).isEqualTo("mongodb://streamer:****@db2.example.net:27017/gt");
    }

    @Test
    void theTwitchClientIdIsPublicAndShownAsItIs() {
        SettingsViewModel model = new SettingsViewModel(
                new Values(Optional.empty(), 17730, Optional.empty(), Optional.of("gp762nuuoqcoxypju8c569th9wz7q5"), TAGS, "dark"));

        assertThat(model.twitchClientIdText()).isEqualTo("gp762nuuoqcoxypju8c569th9wz7q5");
    }

    @Test
    void printedValuesHideThePassword() {
        assertThat(withUri(URI_WITH_PASSWORD).toString()).doesNotContain("s3cret").contains("streamer:****@");
    }

    @Test
    void listenersHearEditsAndEditingAFieldClearsItsError() {
        SettingsViewModel model = new SettingsViewModel(defaults());
        AtomicInteger heard = new AtomicInteger();
        model.addListener(heard::incrementAndGet);

        model.setOverlayPortText("1");
        model.validate();
        assertThat(model.error(Field.OVERLAY_PORT)).isPresent();
        model.setOverlayPortText("17731");

        assertThat(model.error(Field.OVERLAY_PORT)).isEmpty();
        assertThat(heard.get()).isEqualTo(3);
        model.reset(defaults());
        assertThat(model.overlayPortText()).isEqualTo("17730");
        assertThat(model.hasChanges()).isFalse();
    }

    @Test
    void aSuccessfulTestRunsOnTheBackgroundThreadClosesTheConnectionAndHidesThePassword() throws Exception {
        SettingsViewModel model = new SettingsViewModel(withUri(URI_WITH_PASSWORD));
        AtomicReference<String> openedWith = new AtomicReference<>();
        AtomicReference<String> openedOn = new AtomicReference<>();
        AtomicInteger closed = new AtomicInteger();

        String result = model.testConnection(background, uri -> {
            openedWith.set(uri);
            openedOn.set(Thread.currentThread().getName());
            return closed::incrementAndGet;
        }).get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo("Connected to mongodb://streamer:****@db.example.net:27017/gt.");
        assertThat(openedWith.get()).isEqualTo(URI_WITH_PASSWORD);
        assertThat(openedOn.get()).isEqualTo("settings-test");
        assertThat(closed.get()).isEqualTo(1);
    }

    @Test
    void aFailedTestShowsTheStoreSentenceNotAStackTrace() throws Exception {
        SettingsViewModel model = new SettingsViewModel(withUri(URI_WITH_PASSWORD));
        String sentence = "MongoDB at mongodb://streamer:****@db.example.net:27017/gt cannot be reached (no answer "
                + "within 5 s); check the address and that the server is running.";

        String result = model.testConnection(background, uri -> {
            throw new StoreException(sentence, new RuntimeException("driver detail"));
        }).get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo(sentence).doesNotContain("driver detail", "Exception", "\tat ");
    }

    @Test
    void anUnexpectedFailureIsStillOneLineWithoutThePassword() throws Exception {
        SettingsViewModel model = new SettingsViewModel(withUri(URI_WITH_PASSWORD));

        String result = model.testConnection(background, uri -> {
            throw new IllegalStateException("bad things with " + uri);
        }).get(5, TimeUnit.SECONDS);

        assertThat(result).startsWith("MongoDB at mongodb://streamer:****@db.example.net:27017/gt cannot be used:")
                .doesNotContain("s3cret").doesNotContain("\n");
    }

    @Test
    void theOpenerNeverRunsOnTheCallersThread() throws Exception {
        SettingsViewModel model = new SettingsViewModel(withUri("mongodb://db.example.net/gt"));
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger opened = new AtomicInteger();

        var future = model.testConnection(queued::add, uri -> {
            opened.incrementAndGet();
            return () -> { };
        });

        assertThat(opened.get()).isZero();
        assertThat(future).isNotDone();
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(future.get(1, TimeUnit.SECONDS)).isEqualTo("Connected to mongodb://db.example.net/gt.");
    }

    @Test
    void anEmptyOrMalformedAddressIsAnsweredWithoutOpeningAnything() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        SettingsViewModel model = new SettingsViewModel(defaults());

        String empty = model.testConnection(background, uri -> {
            opened.incrementAndGet();
            return () -> { };
        }).get(1, TimeUnit.SECONDS);
        model.setMongoUriText("localhost:27017");
        String malformed = model.testConnection(background, uri -> {
            opened.incrementAndGet();
            return () -> { };
        }).get(1, TimeUnit.SECONDS);

        assertThat(empty).startsWith("No MongoDB address");
        assertThat(malformed).isEqualTo("The MongoDB address must start with mongodb:// or mongodb+srv://.");
        assertThat(opened.get()).isZero();
    }

    @Test
    void afterSavingTheStreamerLearnsWhatWaitsForTheNextStart() {
        Values before = defaults();
        Values themeOnly = new Values(before.mongoUri(), before.overlayPort(), before.publicTrackingUrl(),
                before.twitchClientId(), before.disclosureTags(), SettingsViewModel.LIGHT);
        Values storeAndPort = new Values(java.util.Optional.of("mongodb://db.example.net/gt"), 18000,
                before.publicTrackingUrl(), before.twitchClientId(), before.disclosureTags(), before.theme());
        Values tags = new Values(before.mongoUri(), before.overlayPort(), before.publicTrackingUrl(),
                before.twitchClientId(), List.of("#werbung"), before.theme());

        assertThat(SettingsViewModel.savedSentence(before, themeOnly)).isEqualTo("Saved.");
        assertThat(SettingsViewModel.savedSentence(before, storeAndPort)).isEqualTo(
                "Saved. Start the app again to use the MongoDB address and the overlay port (give OBS the new URL).");
        assertThat(SettingsViewModel.savedSentence(before, tags))
                .isEqualTo("Saved. Start the app again to use the disclosure tags.");
    }

    @Test
    void disclosureTagsAreHashWordsSeparatedByCommasAndABadListChangesNothing() {
        SettingsViewModel model = new SettingsViewModel(defaults());
        assertThat(model.disclosureTagsText()).isEqualTo("#ad, #sponsored");

        for (String wrong : List.of("", " , ", "ad", "#ad #werbung", "#ad, sponsored", "#", "#ad,, #spon-sored")) {
            model.setDisclosureTagsText(wrong);
            assertThat(model.values()).as(wrong).isEmpty();
            assertThat(model.error(SettingsViewModel.Field.DISCLOSURE_TAGS)).as(wrong).contains(
                    "Disclosure tags must be one or more #words separated by commas, such as #ad, #sponsored.");
            assertThat(model.errors()).as(wrong).containsOnlyKeys(SettingsViewModel.Field.DISCLOSURE_TAGS);
        }

        model.setDisclosureTagsText(" #werbung ,#anzeige, #ad_2 ,");
        assertThat(model.error(SettingsViewModel.Field.DISCLOSURE_TAGS)).as("editing clears the error").isEmpty();
        assertThat(model.hasChanges()).isTrue();
        assertThat(model.values().orElseThrow().disclosureTags()).containsExactly("#werbung", "#anzeige", "#ad_2");

        model.setDisclosureTagsText("#ad,#sponsored");
        assertThat(model.hasChanges()).as("the same tags, typed closer").isFalse();
    }
}
