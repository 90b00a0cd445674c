package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.CampaignStatus;
import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.MediaType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.ParticipationStatus;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.obs.FakeObs;
import com.gametriggers.companion.twitch.TwitchCredentials;
import com.google.gson.JsonObject;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.tracking.Tracker;
import com.gametriggers.companion.tracking.TrackerOptions;
import com.gametriggers.companion.tracking.TrackingEvent;
import com.gametriggers.companion.ui.RecordingOpener;
import com.gametriggers.companion.ui.TestSystems;
import com.gametriggers.companion.ui.campaigns.CampaignsViewModel.Row;
import com.gametriggers.companion.ui.campaigns.SponsorFacts;
import com.gametriggers.companion.update.ReleaseFeed;
import com.gametriggers.companion.update.UpdateCheck;
import com.gametriggers.companion.update.Version;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** The main window over a real embedded store and tracker, driven headless by TestFX. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Duration LIVE = Duration.ofSeconds(10);

    private final MongoStore store;
    private final Tracker tracker;
    private final Participation nova;
    private final Participation pixel;
    private final Path dataDir;
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final ScriptedTwitch twitch = new ScriptedTwitch();
    private final ScriptedYouTube youtube = new ScriptedYouTube();
    private final InMemorySettings settings;
    private final RecordingOpener opener = new RecordingOpener();
    private MainWindow window;
    private Stage stage;

    MainWindowTest(@TempDir Path dataDir) throws Exception {
        this.dataDir = dataDir;
        this.settings = new InMemorySettings(dataDir);
        store = MongoStore.open(StoreSettings.embedded(dataDir));
        tracker = Tracker.start(store, dataDir.resolve("journal"), TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(20)));
        String streamerId = TestIds.newId();
        nova = join(streamerId, campaign("Nova Energy", "Summer Rush", PaymentType.CPM));
        pixel = join(streamerId, campaign("Pixel Peak", "Launch Week", PaymentType.CPC));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StoreBackedSession session = new StoreBackedSession(store, tracker, nova.streamerId());
        window = new MainWindow(() -> session, settings, twitch, HTTP, StoreBackedSession::noConnectionTest,
                TestSystems.developmentRun(opener), () -> { });
        window.signsInToYouTube(youtube);
        window.show(stage);
    }

    /** Before TestFX closes the window: its refreshes must not outlive the store. */
    @AfterEach
    void closeStore() throws Exception {
        WaitForAsyncUtils.asyncFx(window::stopRefreshing).get();
        tracker.close();
        store.close();
    }

    @Test
    void aNewerVersionIsOfferedAsALinkInTheStatusBarAndSettingsTurnsTheCheckOff(FxRobot robot) throws Exception {
        try (MockWebServer feed = new MockWebServer()) {
            feed.enqueue(new MockResponse.Builder().body("{\"tag_name\": \"v9.0.0\", "
                    + "\"html_url\": \"https://example.org/releases/v9.0.0\", \"name\": \"Nine\"}").build());
            feed.start();
            AtomicReference<Instant> lastCheck = new AtomicReference<>();
            UpdateCheck.State state = new UpdateCheck.State() {
                @Override
                public boolean enabled() {
                    return settings.checksForUpdates();
                }

                @Override
                public Optional<Instant> lastCheck() {
                    return Optional.ofNullable(lastCheck.get());
                }

                @Override
                public void rememberCheck(Instant at) {
                    lastCheck.set(at);
                }
            };
            UpdateCheck check = new UpdateCheck(Version.parse("0.1.0").orElseThrow(),
                    Optional.of(new ReleaseFeed(HTTP, feed.url("/latest").uri(), Duration.ofSeconds(5))), state,
                    Clock.systemUTC());

            WaitForAsyncUtils.asyncFx(() -> window.checksForUpdates(check)).get();

            await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#update-available").queryAs(Hyperlink.class)
                    .isVisible()));
            assertThat(onFx(() -> robot.lookup("#update-available").queryAs(Hyperlink.class).getText()))
                    .isEqualTo("Version 9.0.0 is available");
            assertThat(onFx(() -> robot.lookup("#update-available").queryAs(Hyperlink.class).getTooltip().getText()))
                    .contains("https://example.org/releases/v9.0.0");
        }

        robot.clickOn("#nav-settings");
        assertThat(onFx(() -> robot.lookup("#check-for-updates").queryAs(CheckBox.class).isSelected())).isTrue();
        robot.clickOn("#check-for-updates");
        await().atMost(LIVE).until(() -> !settings.checksForUpdates());
    }

    @Test
    void theWindowListsTheParticipationsAndTheStore(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 2);

        assertThat(onFx(() -> table.getItems().stream().map(Row::brand).toList())).containsExactlyInAnyOrder("Nova Energy", "Pixel Peak");
        assertThat(onFx(() -> row(table, "Nova Energy").status())).isEqualTo("Active");
        assertThat(robot.lookup("#store-status").queryAs(Label.class).getText()).startsWith("Store: embedded (mongodb://127.0.0.1:");
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#tracking-status").queryAs(Label.class).getText()).equals("online"));
    }

    /** The sizes come from the top-level icon set (icons/png), which the build puts on the class path. */
    @Test
    void theWindowCarriesTheAppIconInEachSizeTheDesktopPicksFrom() throws Exception {
        assertThat(onFx(() -> stage.getIcons().stream().map(icon -> (int) icon.getWidth()).toList()))
                .containsExactly(16, 32, 48, 64, 128, 256);
    }

    @Test
    void whileTheLinksAreLocalTheSponsorPaneSaysScansAreNotCountedAndLeadsToMakingThemPublic(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 2);
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#links-status").queryAs(Label.class).getText()).equals("links: local"));

        robot.clickOn("Nova Energy");

        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#links-notice").queryAs(Label.class).isVisible()));
        assertThat(onFx(() -> robot.lookup("#links-notice").queryAs(Label.class).getText()))
                .isEqualTo(StoreBackedSession.LOCAL_LINKS.sentence());
        assertThat(onFx(() -> row(table, "Nova Energy").qrScans().toString())).as("not counted, not 0").isEqualTo("–");

        robot.clickOn("#open-public-links");
        await().atMost(LIVE).until(() -> robot.lookup("#make-links-public").tryQuery().isPresent()
                && onFx(() -> !robot.lookup("#make-links-public").queryButton().isDisabled()));
        robot.clickOn("#make-links-public");

        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#public-links-message").queryAs(Label.class).getText())
                .equals("cloudflared is not installed on this test machine."));
    }

    @Test
    void copyPutsTheOverlayUrlOnTheClipboard(FxRobot robot) throws Exception {
        await().atMost(LIVE).until(() -> onFx(() -> !robot.lookup("#copy-overlay-url").queryButton().isDisabled()));

        robot.clickOn("#copy-overlay-url");

        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(StoreBackedSession.OVERLAY_URL);
    }

    @Test
    void pausingASponsorChangesItsStatusInTheTableAndInTheStore(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 2);
        robot.clickOn("Pixel Peak");
        assertThat(robot.lookup("#resume").queryButton().isDisabled()).isTrue();

        robot.clickOn("#pause");

        await().atMost(LIVE).until(() -> onFx(() -> row(table, "Pixel Peak").status()).equals("Paused"));
        assertThat(store.participations().byId(pixel.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.PAUSED);
        assertThat(store.participations().byId(nova.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.ACTIVE);
        assertThat(robot.lookup("#resume").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#pause").queryButton().isDisabled()).isTrue();
    }

    @Test
    void leavingAsksFirstAndCancelChangesNothing(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 2);
        robot.clickOn("Nova Energy");

        robot.clickOn("#leave");
        await().atMost(LIVE).until(() -> robot.lookup("Leave this campaign?").tryQuery().isPresent());
        robot.clickOn("Cancel");
        assertThat(store.participations().byId(nova.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.ACTIVE);

        robot.clickOn("#leave");
        await().atMost(LIVE).until(() -> robot.lookup("Leave this campaign?").tryQuery().isPresent());
        robot.clickOn((javafx.scene.Node node) -> node instanceof javafx.scene.control.Button button
                && "Leave".equals(button.getText()));

        await().atMost(LIVE).until(() -> onFx(() -> row(table, "Nova Energy").status()).equals("Left"));
        assertThat(store.participations().byId(nova.id()).orElseThrow().status()).isEqualTo(ParticipationStatus.LEFT);
        assertThat(robot.lookup("#leave").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aRecordedClickShowsUpInTheTableWithinSeconds(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 2);

        tracker.record(TrackingEvent.click("click-1", pixel.id(), Instant.now(), ClickType.LINK, "viewer-1")).join();

        await().atMost(LIVE).until(() -> onFx(() -> row(table, "Pixel Peak").linkClicks().value()) == 1);
        assertThat(onFx(() -> row(table, "Pixel Peak").earnings())).isEqualTo("$0.25");
        assertThat(onFx(() -> row(table, "Nova Energy").linkClicks().toString())).as("links are local in this session").isEqualTo("–");
    }

    @Test
    void theSponsorsActivityListsItsShowingsAndClicksNewestFirstWithWhatBecameOfThem(FxRobot robot) throws Exception {
        TableView<Row> table = campaignsTable(robot);
        await().atMost(LIVE).until(() -> onFx(() -> table.getItems().size()) == 2);
        Instant now = Instant.now();
        tracker.record(TrackingEvent.impression("showing-1", pixel.id(), now.minusSeconds(60), 1500)).join();
        tracker.record(TrackingEvent.click("click-1", pixel.id(), now.minusSeconds(30), ClickType.CHAT, "viewer-9")).join();
        tracker.record(TrackingEvent.click("click-2", pixel.id(), now, ClickType.CHAT, "viewer-9")).join();
        await().atMost(LIVE).until(() -> onFx(() -> row(table, "Pixel Peak").chatClicks()) == 1);

        // Selected through the model: a robot click can land while the two-second refresh re-lays the rows.
        onFx(() -> {
            table.getSelectionModel().select(row(table, "Pixel Peak"));
            return null;
        });
        TabPane tabs = robot.lookup("#sponsor-tabs").queryAs(TabPane.class);
        onFx(() -> {
            tabs.getSelectionModel().select(1); // "Campaign"; its header shares the word with a table column's
            return null;
        });
        // The campaign's terms arrive with the next read of the platform's campaigns, which may follow the click.
        await().atMost(LIVE).until(() -> robot.lookup("#fact-pays").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#fact-pays").queryAs(Label.class).getText())).endsWith(" per click");
        Label landingPageTitle = robot.lookup("#sponsor-facts").lookup((Label label) -> "Landing page".equals(label.getText()))
                .queryAs(Label.class);
        assertThat(onFx(() -> landingPageTitle.getWidth() >= landingPageTitle.prefWidth(-1))).as("the narrow pane keeps its labels' words")
                .isTrue();
        assertThat(onFx(() -> robot.lookup("#fact-filtered").queryAs(Label.class).getText())).isEqualTo("1 repeat click");
        robot.clickOn("Activity");
        assertThat(onFx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("activity-tab");

        TableView<SponsorFacts.Line> activity = robot.lookup("#activity").queryTableView();
        await().atMost(LIVE).until(() -> onFx(() -> activity.getItems().size()) == 3);
        assertThat(onFx(() -> activity.getItems().stream().map(line -> line.what() + ": " + line.verdict()).toList()))
                .containsExactly("Chat command: filtered", "Chat command: counted", "Showing to 1,500 viewers: counted");
    }

    @Test
    void controlTwoSwitchesToEarnings(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);

        assertThat(robot.lookup("#nav-earnings").queryAs(ToggleButton.class).isSelected()).isTrue();
        await().atMost(LIVE).until(() -> robot.lookup("#earnings").tryQuery().isPresent());
        assertThat(robot.lookup("#campaigns").tryQuery()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);

        assertThat(robot.lookup("#nav-campaigns").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void aFailedStartIsOneSentenceWithTheDetailsFolded(FxRobot robot) throws Exception {
        String sentence = "MongoDB at db.example.com:27017 cannot be reached (no answer within 5 s); check the address.";
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(() -> {
            throw new StoreException(sentence, new IllegalStateException("timeout"));
        }, new InMemorySettings(dataDir), twitch, HTTP, StoreBackedSession::noConnectionTest,
                TestSystems.developmentRun(opener), () -> { })
                .show(new Stage())).get();

        await().atMost(LIVE).until(() -> robot.lookup("#startup-failure").tryQuery().isPresent());
        assertThat(robot.lookup("#startup-failure").queryAs(Label.class).getText()).isEqualTo(sentence);
        TitledPane details = robot.lookup("#startup-details").queryAs(TitledPane.class);
        assertThat(details.isExpanded()).isFalse();
        robot.clickOn("Details");
        assertThat(details.isExpanded()).isTrue();
    }

    @Test
    void signingInToTwitchShowsTheCodeThenTheLoginAndSigningOutForgetsIt(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#twitch-state").queryAs(Label.class).getText())
                .startsWith("Not signed in"));

        robot.clickOn("#twitch-sign-in-button");
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#twitch-code").queryAs(TextField.class).getText())
                .equals(ScriptedTwitch.USER_CODE));
        assertThat(onFx(() -> robot.lookup("#twitch-state").queryAs(Label.class).getText()))
                .startsWith("Open this page in your browser and enter the code below.");
        assertThat(robot.lookup("#twitch-sign-in-button").queryButton().isDisabled()).isTrue();
        robot.clickOn("https://www.twitch.tv/activate");
        await().atMost(LIVE).until(() -> opener.pages().contains(URI.create("https://www.twitch.tv/activate")));

        twitch.codeEntered();

        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#twitch-state").queryAs(Label.class).getText())
                .startsWith("Signed in as nova_streams."));
        assertThat(robot.lookup("#twitch-sign-in-button").queryButton().isDisabled()).isFalse();

        robot.clickOn("#twitch-sign-out-button");
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#twitch-state").queryAs(Label.class).getText())
                .startsWith("Not signed in"));
        assertThat(onFx(() -> robot.lookup("#twitch-sign-out-button").queryButton().isVisible())).isFalse();
    }

    @Test
    void signingInWithGoogleOpensGooglesPageAndSigningOutForgetsIt(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#youtube-state").queryAs(Label.class).getText())
                .startsWith("Not signed in"));

        // Below the fold of Settings: pressed where it is.
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#youtube-sign-in-button").queryButton().fire()).get();

        await().atMost(LIVE).until(() -> opener.pages().contains(ScriptedYouTube.GOOGLE_PAGE));
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#youtube-state").queryAs(Label.class).getText())
                .startsWith("Signed in with Google."));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#youtube-sign-out-button").queryButton().fire()).get();
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#youtube-state").queryAs(Label.class).getText())
                .startsWith("Not signed in"));
        assertThat(onFx(() -> robot.lookup("#youtube-sign-out-button").queryButton().isVisible())).isFalse();
    }

    @Test
    void aSignInTwitchRefusedMidStreamShowsAsOneSentence(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#twitch-state").queryAs(Label.class).getText())
                .startsWith("Not signed in"));

        twitch.refusedByTwitch(TwitchCredentials.TURNED_DOWN);

        await().atMost(LIVE).until(() -> onFx(() -> robot.lookup("#twitch-state").queryAs(Label.class).getText())
                .equals("Twitch no longer accepts your sign-in; sign in with Twitch again for chat commands and "
                        + "viewer counts."));
    }

    @Test
    void addToObsPutsTheOverlayInOrSaysWhyNot(FxRobot robot) throws Exception {
        await().atMost(LIVE).until(() -> onFx(() -> !robot.lookup("#add-to-obs").queryButton().isDisabled()));
        try (FakeObs obs = new FakeObs().password("obs-pass").canvas(2560, 1440)) {
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
            replaceText(robot, "#obs-host", obs.settings().host());
            replaceText(robot, "#obs-port", Integer.toString(obs.settings().port()));
            robot.clickOn("#obs-password").write("not-it");
            robot.clickOn("#obs-save");
            await().atMost(LIVE).until(() -> text(robot, "#obs-message").equals("Saved."));
            assertThat(onFx(() -> robot.lookup("#obs-password").queryAs(PasswordField.class).getText()))
                    .as("a kept password is never shown again").isEmpty();

            robot.clickOn("#add-to-obs");
            await().atMost(LIVE).untilAsserted(() -> assertThat(text(robot, "#message")).startsWith("OBS refused the WebSocket password"));
            assertThat(text(robot, "#message")).doesNotContain("not-it");
            assertThat(obs.inputNames()).isEmpty();

            robot.clickOn("#obs-password").write("obs-pass");
            robot.clickOn("#obs-save");
            await().atMost(LIVE).until(() -> settings.obsConnection().password().equals(java.util.Optional.of("obs-pass")));

            robot.clickOn("#add-to-obs");
            await().atMost(LIVE).untilAsserted(() -> assertThat(text(robot, "#message")).startsWith("Added"));
            assertThat(obs.inputNames()).containsExactly("GameTriggers Overlay");
            JsonObject created = obs.requests("CreateInput").get(0).getAsJsonObject("inputSettings");
            assertThat(created.get("url").getAsString()).isEqualTo(StoreBackedSession.OVERLAY_URL);
            assertThat(created.get("width").getAsInt()).isEqualTo(2560);
            assertThat(created.get("height").getAsInt()).isEqualTo(1440);
        }
        robot.clickOn("#add-to-obs");
        await().atMost(LIVE).untilAsserted(() -> assertThat(text(robot, "#message")).startsWith("OBS is not running"));
    }

    private static void replaceText(FxRobot robot, String id, String text) throws Exception {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        onFx(() -> {
            field.clear();
            return null;
        });
        robot.write(text);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private Participation join(String streamerId, Campaign campaign) {
        store.campaigns().addIfMissing(campaign);
        return store.participationUpdates().join(campaign.id(), streamerId);
    }

    private static Campaign campaign(String brand, String name, PaymentType type) {
        Instant now = Instant.now();
        return new Campaign(TestIds.newId(), name, brand, "", CampaignStatus.ACTIVE, type, new BigDecimal("0.25"),
                new BigDecimal("1000"), "/m.png", MediaType.IMAGE, "https://example.com", now.minusSeconds(86_400),
                now.plusSeconds(86_400));
    }

    private static Row row(TableView<Row> table, String brand) {
        return table.getItems().stream().filter(row -> row.brand().equals(brand)).findFirst().orElseThrow();
    }

    /** The sponsors table, once the services have started behind the window. */
    private static TableView<Row> campaignsTable(FxRobot robot) {
        await().atMost(LIVE).until(() -> robot.lookup("#campaigns").tryQuery().isPresent());
        return robot.lookup("#campaigns").queryTableView();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
