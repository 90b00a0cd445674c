package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.gametriggers.companion.bench.DelayingTcpProxy;
import com.gametriggers.companion.chat.FakeTwitchServer;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.Chromium;
import com.gametriggers.companion.overlay.ShowWatcher;
import com.gametriggers.companion.tracking.SmallDisk;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.twitch.TwitchToken;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A streamer's day, compressed: the whole app as its own process, headless, with its data folder under
 * {@code target/}, against stand-ins the test controls: a MongoDB behind a proxy the test can cut, Twitch's API and
 * chat, and OBS's Browser Source (headless Chromium playing the overlay page). Showings are 3 s with 1 s between,
 * and each step the test takes is at a moment it knows: OBS state changes between showings, viewer counts and the
 * crash after a showing's beacon was acknowledged. So {@link #expected} is exact, not a tolerance.
 */
final class StreamDay implements AutoCloseable {

    static final Duration DISPLAY = Duration.ofSeconds(3);
    static final Duration GAP = Duration.ofSeconds(1);
    /** How late after a showing began an OBS change may land and still decide that showing the test's way. */
    private static final Duration OBS_CHANGE_SLACK = Duration.ofMillis(500);
    /** A viewer count is handed over only while this much of the showing is left, so its sponsor is still on screen. */
    private static final Duration SAMPLE_MARGIN = Duration.ofMillis(1000);
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final Duration STORE_CATCH_UP = Duration.ofSeconds(45);
    private static final Pattern OBS_LINE = Pattern.compile("obs browser source: (http://127\\.0\\.0\\.1:\\d+/rotation/[0-9a-f]{64})");

    /** One showing as the test saw it: its ticket names the sponsor; {@code onAir} is what OBS was told. */
    record Showing(String ticket, String participationId, long arrivedNanos, long durationMs, boolean onAir) {

        Duration left() {
            return Duration.ofMillis(durationMs).minusNanos(System.nanoTime() - arrivedNanos);
        }
    }

    /** What the test does while a showing is on screen, after its beacon (if on air) was acknowledged. */
    @FunctionalInterface
    interface DuringShowing {
        void act(StreamDay day, Showing showing) throws Exception;
    }

    final ExpectedCounts expected = new ExpectedCounts();
    final TwitchStandIn twitch;
    final FakeTwitchServer chat;
    private final Path dataDir;
    private final InetSocketAddress storeAddress;
    private final int proxyPort;
    private final int overlayPort;
    private final MongoStore reader;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private DelayingTcpProxy proxy;
    private ChildApp app;
    private String obsUrl;
    private final SmallDisk disk;
    private Chromium page;
    private ShowWatcher watcher;
    private Map<String, Participation> sponsorsByCommand = Map.of();
    private Map<String, Campaign> campaigns = Map.of();
    private final Set<String> handledTickets = new HashSet<>();
    private final List<String> onAirTickets = new ArrayList<>();
    private int showings;
    private long appViewers;
    private boolean obsActive;
    private long obsChangedAtNanos;
    private int chatConnectionsBefore;
    private int chatMessages;

    private StreamDay(Path dataDir, SmallDisk disk) throws IOException {
        this.dataDir = dataDir;
        this.disk = disk;
        // The embedded store, as the app runs it in its data folder, but in the test's process: the test can stop
        // it for the app (at the proxy) and read it all along. Opened as the app opens it, so it has the same indexes.
        reader = MongoStore.open(StoreSettings.embedded(dataDir.resolve("store")));
        URI store = URI.create(reader.address());
        storeAddress = new InetSocketAddress(store.getHost(), store.getPort());
        proxy = new DelayingTcpProxy(storeAddress, Duration.ZERO);
        proxyPort = proxy.port();
        overlayPort = freePort();
        twitch = new TwitchStandIn(Clock.systemUTC().instant());
        chat = new FakeTwitchServer(Clock.systemUTC());
    }

    /** Everything but the app, with the streamer signed in to Twitch and short showings set. */
    static StreamDay prepare() throws IOException, InterruptedException {
        Path target = Files.createDirectories(Path.of("target", "stream-day"));
        StreamDay day = new StreamDay(Files.createTempDirectory(target, "run-").toAbsolutePath(), SmallDisk.mount(64));
        Path appData = day.appData();
        Files.createDirectories(appData);
        AppSettings.defaults().withRotation(new com.gametriggers.companion.overlay.rotation.RotationSettings(
                DISPLAY, GAP, Duration.ZERO, "round-robin")).writeTo(appData);
        new TwitchAccountStore(appData).keep(day.twitch.signIn(Clock.systemUTC().instant()));
        return day;
    }

    /** The app's data folder, on a small disk of its own that the test can fill (the store is the test's, elsewhere). */
    private Path appData() {
        return disk.root().resolve("app");
    }

    /** Fills the disk with the app's data folder, as an OBS recording does; the app's journal cannot be written. */
    void fillDisk() throws IOException {
        disk.fill();
    }

    void freeDisk() throws IOException {
        disk.free();
    }

    /** {@code /health}'s status code and body, whatever it says. */
    HttpResponse<String> healthAnswer() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(overlayBase() + "health")).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- the app ---------------------------------------------------------------------------------------------------

    /** Starts the app (again: same data folder and ports) and waits until it prints the address OBS uses. */
    void startApp() throws IOException, InterruptedException {
        chatConnectionsBefore = chat.connectionCount();
        app = ChildApp.start(appArguments("--headless"));
        obsUrl = app.awaitLine(OBS_LINE, START);
        heardFromTheApp();
    }

    /**
     * Starts the desktop app with its window closed to the background, as a streamer's app runs once the window is
     * closed mid-stream: the same services, the window's code beside them. It prints no URLs; OBS keeps the one it has
     * (the same data folder keeps the same key and port), so the test waits for the overlay to answer.
     */
    void startAppInTheBackground() throws IOException, InterruptedException {
        chatConnectionsBefore = chat.connectionCount();
        app = ChildApp.desktop(appArguments("--background"));
        await("the app in the background answers OBS").atMost(START).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(overlayBase() + "health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        heardFromTheApp();
    }

    private String[] appArguments(String mode) {
        return new String[] {mode, "--demo", "--data-dir", appData().toString(),
                "--overlay-port", Integer.toString(overlayPort),
                "--mongo-uri", "mongodb://127.0.0.1:" + proxyPort + "/?retryWrites=false",
                "--twitch-client-id", TwitchStandIn.CLIENT_ID,
                "--twitch-base-url", twitch.baseUrl(),
                "--twitch-chat-url", chat.url(),
                "--twitch-poll-millis", "250"};
    }

    private void heardFromTheApp() throws IOException, InterruptedException {
        appViewers = 0; // a new process has heard no viewer count yet
        String streamerId = LocalProfile.loadOrCreate(appData()).streamerId();
        List<Participation> joined = reader.participations().forStreamer(streamerId);
        sponsorsByCommand = joined.stream().collect(Collectors.toMap(Participation::chatCommand, Function.identity()));
        campaigns = joined.stream().map(p -> reader.campaigns().byId(p.campaignId()).orElseThrow())
                .collect(Collectors.toMap(Campaign::id, Function.identity()));
        if (watcher != null) {
            watcher.close();
        }
        watcher = ShowWatcher.open(overlayBase(), obsUrl.substring(obsUrl.lastIndexOf('/') + 1));
    }

    /** {@code kill -9}, as a crash or a power cut does. Held polls are answered, so none takes a later count. */
    void killApp() throws InterruptedException {
        app.kill();
        twitch.dropHeldPolls();
    }

    /** The Twitch sign-in the app keeps in its data folder. */
    TwitchToken savedSignIn() throws IOException {
        return new TwitchAccountStore(appData()).load().orElseThrow().token();
    }

    List<Participation> sponsors() {
        return List.copyOf(sponsorsByCommand.values());
    }

    Campaign campaignOf(Participation participation) {
        return campaigns.get(participation.campaignId());
    }

    private String overlayBase() {
        return "http://127.0.0.1:" + overlayPort + "/";
    }

    // ---- OBS -------------------------------------------------------------------------------------------------------

    /** OBS's Browser Source loads the overlay; it is not on air until OBS says the source is active. */
    void openOverlayInObs() throws IOException {
        page = Chromium.start(true);
        page.driver().get(obsUrl);
        awaitPageConnected();
    }

    void awaitPageConnected() {
        await("the overlay page connected").atMost(STEP).until(() -> "true".equals(page.rootAttribute("data-connected")));
    }

    /**
     * OBS shows the source in the program output (a scene with it) or not (a scene switched away). Called between
     * showings, so the next showing is wholly on air or wholly off.
     */
    void obsSourceActive(boolean active) {
        page.script("window.__obsActive(arguments[0]);", active);
        obsActive = active;
        obsChangedAtNanos = System.nanoTime();
    }

    /** The tickets whose beacon the page sent, from the page's own record of its requests. */
    Set<String> beaconTicketsSent() {
        Object beacons = page.script("return JSON.stringify(window.__beacons);");
        Set<String> tickets = new HashSet<>();
        JsonParser.parseString(String.valueOf(beacons)).getAsJsonArray().forEach(body ->
                tickets.add(JsonParser.parseString(body.getAsString()).getAsJsonObject().get("ticket").getAsString()));
        return tickets;
    }

    List<String> onAirTickets() {
        return List.copyOf(onAirTickets);
    }

    int showings() {
        return showings;
    }

    private boolean beaconSettled(String ticket) {
        Object done = page.script("return window.localStorage.getItem('gt-done-beacons');");
        if (done == null) {
            return false;
        }
        JsonArray settled = JsonParser.parseString(done.toString()).getAsJsonArray();
        for (int i = 0; i < settled.size(); i++) {
            if (settled.get(i).getAsString().equals(ticket)) {
                return true;
            }
        }
        return false;
    }

    // ---- showings --------------------------------------------------------------------------------------------------

    /**
     * The next {@code count} showings. A showing on air counts one impression times the viewer count the app had when
     * its beacon came, which is the last count handed to it (the test hands one over only after the beacon was
     * acknowledged). Returns between two showings.
     */
    void showings(int count, DuringShowing during) throws Exception {
        for (int i = 0; i < count; i++) {
            Showing showing = beginShowing();
            during.act(this, showing);
            awaitHidden(showing);
        }
    }

    /**
     * Takes every showing that began while the test was busy elsewhere (starting the app, waiting for the store),
     * counting those on air, and returns in a gap between two showings, or before the first.
     */
    void untilAGap() {
        while (watcher.shows().stream().anyMatch(seen -> !handledTickets.contains(seen.ticket()))) {
            awaitHidden(beginShowing());
        }
    }

    /** The next showing, once its beacon was acknowledged if it is on air; the test decides when it ends for it. */
    Showing beginShowing() {
        Showing showing = nextShowing();
        if (showing.onAir()) {
            await("the beacon of showing " + showings).atMost(STEP).until(() -> beaconSettled(showing.ticket()));
            expected.impression(showing.participationId(), appViewers);
            onAirTickets.add(showing.ticket());
        }
        return showing;
    }

    private Showing nextShowing() {
        ShowWatcher.Seen seen = await("showing " + (showings + 1)).atMost(STEP).until(
                () -> watcher.shows().stream().filter(s -> !handledTickets.contains(s.ticket())).findFirst(),
                Optional::isPresent).orElseThrow();
        handledTickets.add(seen.ticket());
        showings++;
        long lateBy = obsChangedAtNanos - seen.atNanos();
        assertThat(Duration.ofNanos(lateBy)).as("OBS's change came before showing %d or within %s of it, so it decides "
                + "that showing", showings, OBS_CHANGE_SLACK).isLessThan(OBS_CHANGE_SLACK);
        String ticket = seen.ticket();
        return new Showing(ticket, ticket.substring(0, ticket.indexOf('.')), seen.atNanos(),
                seen.data().get("durationMs").getAsLong(), obsActive);
    }

    /** Whether no showing came after this one: a later one cannot have been on air for a second yet. */
    boolean nothingShownSince(Showing showing) {
        List<String> tickets = watcher.tickets();
        return tickets.get(tickets.size() - 1).equals(showing.ticket());
    }

    private void awaitHidden(Showing showing) {
        await("the end of showing " + showings).atMost(STEP).until(() -> {
            List<ShowWatcher.Seen> events = watcher.events();
            boolean shown = false;
            for (ShowWatcher.Seen event : events) {
                if (event.event().equals("show") && showing.ticket().equals(event.ticket())) {
                    shown = true;
                } else if (shown && (event.event().equals("hide") || event.event().equals("show"))) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Twitch answers the app's next stream-status poll with {@code viewers}, while the showing's sponsor is still on
     * screen, so the sample goes into that sponsor's statistics and later showings count this many viewers.
     *
     * @return whether it was handed over; not when the showing was too near its end or no poll came
     */
    boolean viewers(Showing showing, long viewers) throws InterruptedException {
        Duration left = showing.left().minus(SAMPLE_MARGIN);
        if (left.isNegative() || !twitch.sample(viewers, left.compareTo(GAP) > 0 ? GAP : left)) {
            return false;
        }
        appViewers = viewers;
        expected.viewerSample(showing.participationId(), viewers);
        return true;
    }

    // ---- chat ------------------------------------------------------------------------------------------------------

    /** The chat bot's connection of the running app, once it is in the channel. */
    private FakeTwitchServer.Connection chatConnection() {
        FakeTwitchServer.Connection connection = chat.connection(chatConnectionsBefore);
        await("the chat bot joined").atMost(STEP).until(() -> connection.lines().stream().anyMatch(l -> l.startsWith("JOIN ")));
        return connection;
    }

    /** Twitch closes the bot's chat connection, as for maintenance; returns the one the bot opens next, once joined. */
    FakeTwitchServer.Connection chatDroppedAndReopened() {
        FakeTwitchServer.Connection dropped = chatConnection();
        chatConnectionsBefore = chat.connectionCount();
        dropped.drop();
        return chatConnection();
    }

    /**
     * A viewer uses a sponsor's command: a chat click, or a filtered one when that viewer used it within the click
     * window. Returns once the bot has read it.
     */
    void chatCommand(String command, String viewerId, boolean repeat) {
        sendChat(command, viewerId, "m" + (++chatMessages));
        Participation sponsor = sponsorsByCommand.get(command);
        if (repeat) {
            expected.filteredChatClick(sponsor.id());
        } else {
            expected.chatClick(sponsor.id());
        }
    }

    /** Twitch delivering a message twice (same message id): it counts once. */
    void chatResent(String command, String viewerId) {
        sendChat(command, viewerId, "m" + chatMessages);
    }

    /** A line that is no command: it counts nothing. */
    void chatTalk(String viewerId) {
        sendRaw(viewerId, "m" + (++chatMessages), "gg, nice play");
    }

    private void sendChat(String command, String viewerId, String messageId) {
        sendRaw(viewerId, messageId, command + " where can I get it?");
    }

    private void sendRaw(String viewerId, String messageId, String text) {
        FakeTwitchServer.Connection connection = chatConnection();
        String nick = "viewer" + viewerId;
        connection.send("@badges=;display-name=" + nick + ";id=" + messageId + ";user-id=" + viewerId + " :" + nick + "!"
                + nick + "@" + nick + ".tmi.twitch.tv PRIVMSG #" + TwitchStandIn.LOGIN + " :" + text);
        connection.roundTrip(messageId);
    }

    // ---- the store -------------------------------------------------------------------------------------------------

    /** The store goes away: every connection to it drops and new ones are refused. */
    void stopStore() {
        proxy.close();
        proxy = null;
    }

    /** The store is back at the same address. */
    void restartStore() throws IOException {
        proxy = new DelayingTcpProxy(storeAddress, Duration.ZERO, proxyPort);
    }

    /** The app's {@code /health}: whether the store is reachable and how many tracked events wait for it. */
    JsonObject health() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(overlayBase() + "health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("store");
    }

    /**
     * Waits until every event since the test had counted {@code eventsBefore} is durable in the journal and none is in
     * the store yet. Call it when no beacon can come meanwhile: during a showing after its beacon, or in a gap.
     */
    void awaitEventsWaitingSince(long eventsBefore) {
        await("the events waiting for the store").atMost(STEP).untilAsserted(() -> assertThat(
                health().get("eventsWaiting").getAsLong()).isEqualTo(eventsSent() - eventsBefore));
    }

    /**
     * Every event the app should have journaled so far: those of {@link #expected}, and each time on air the page
     * reported when a counted showing ended (one event per showing and length; a resent report is the same event).
     */
    long eventsSent() {
        @SuppressWarnings("unchecked")
        List<String> reports = (List<String>) page.script("return window.__onAirReports.slice();");
        long onAirEvents = reports.stream().map(body -> JsonParser.parseString(body).getAsJsonObject())
                .map(report -> report.get("ticket").getAsString() + "/" + report.get("onAirMs").getAsLong() / 1000)
                .distinct().count();
        return expected.events() + onAirEvents;
    }

    /**
     * Waits until the store holds exactly what the test computed, with nothing left waiting. Each look is taken in a
     * gap between showings, after counting the showings that went by, so no beacon lands while it compares.
     */
    void awaitStoredAsExpected() {
        awaitStoredAsExpected(STORE_CATCH_UP);
    }

    /** As {@link #awaitStoredAsExpected()}, allowing {@code catchUp} (a journal reopening after a full disk backs off). */
    void awaitStoredAsExpected(Duration catchUp) {
        await("the stored counters equal what the test sent").atMost(catchUp).untilAsserted(() -> {
            untilAGap();
            for (Participation sponsor : sponsors()) {
                Participation stored = reader.participations().byId(sponsor.id()).orElseThrow();
                assertThat(ExpectedCounts.Counts.of(stored)).as(sponsor.chatCommand())
                        .isEqualTo(expected.of(sponsor.id()));
            }
            assertThat(health().get("eventsWaiting").getAsLong()).isZero();
        });
    }

    Participation stored(Participation sponsor) {
        return reader.participations().byId(sponsor.id()).orElseThrow();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the app said on its way, for a failure message. */
    String appStderr() {
        return app == null ? "" : app.stderr();
    }

    @Override
    public void close() throws Exception {
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(page);
        parts.add(watcher);
        parts.add(app);
        parts.add(twitch);
        parts.add(chat);
        parts.add(proxy);
        parts.add(reader);
        parts.add(disk);
        Exception first = null;
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
