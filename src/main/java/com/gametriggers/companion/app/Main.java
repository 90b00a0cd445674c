package com.gametriggers.companion.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.UncaughtFailures;
import com.gametriggers.companion.overlay.OverlayException;
import com.gametriggers.companion.links.LinksException;
import com.gametriggers.companion.export.CsvExport;
import com.gametriggers.companion.links.LinksSettings;
import com.gametriggers.companion.overlay.OverlaySettings;
import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.store.MongoDbSetup;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.store.StoreSettings;
import com.gametriggers.companion.ui.PlatformConnection;
import com.gametriggers.companion.ui.SavedSettings;
import com.gametriggers.companion.ui.TwitchAccount;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the app: the window by default, or the services alone with {@code --headless}. */
@Command(name = "gametriggers-companion", mixinStandardHelpOptions = true, version = "GameTriggers Companion 0.1",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Shows your GameTriggers sponsorships on stream and counts what viewers see and click.")
public final class Main implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @Option(names = "--mongo-uri", paramLabel = "URI", defaultValue = "${env:MONGODB_URI}",
            description = "MongoDB to use (standalone, replica set or mongodb+srv). "
                    + "Default: the MONGODB_URI environment variable, else the embedded store in the data folder.")
    private String mongoUri;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the embedded store and settings. Default: your user data folder.")
    private Path dataDir;

    @Option(names = "--overlay-port", paramLabel = "PORT",
            description = "Port of the local overlay server on 127.0.0.1 (default: the settings file, else "
                    + OverlaySettings.DEFAULT_PORT + "). OBS keeps the URL, so the app never moves to another port by itself.")
    private Integer overlayPort;

    @Option(names = "--links-port", paramLabel = "PORT",
            description = "Port of the tracking-link listener on 127.0.0.1, the one port a tunnel or reverse proxy is "
                    + "pointed at (default: " + LinksSettings.DEFAULT_PORT + ").")
    private Integer linksPort;

    @Option(names = "--public-tracking-url", paramLabel = "URL",
            description = "Where viewers reach the tracking links (a tunnel or reverse proxy to the links port). "
                    + "Default: the local listener, which only this machine can reach.")
    private URI publicTrackingUrl;

    @Option(names = "--twitch-client-id", paramLabel = "ID", defaultValue = "${env:TWITCH_CLIENT_ID}",
            description = "The app's public Twitch client id (also env TWITCH_CLIENT_ID). Default: the one in Settings, "
                    + "else the one this build ships with; without any, chat and stream status stay off.")
    private String twitchClientId;

    @Option(names = "--twitch-login", description = "Sign in to Twitch first (device code: open the shown page, "
            + "enter the code), then run as usual.")
    private boolean twitchLogin;

    @Option(names = "--twitch-base-url", hidden = true, paramLabel = "URL",
            description = "A stand-in for id.twitch.tv at its root and for Helix under helix/.")
    private String twitchBaseUrl;

    @Option(names = "--twitch-chat-url", hidden = true, paramLabel = "URL",
            description = "A stand-in for Twitch's IRC WebSocket.")
    private String twitchChatUrl;

    @Option(names = "--twitch-poll-millis", hidden = true, paramLabel = "MS",
            description = "Time between two stream-status polls.")
    private Long twitchPollMillis;

    @Option(names = "--headless", description = "No window: run the services until stopped (Ctrl-C or SIGTERM).")
    private boolean headless;

    @Option(names = "--background", description = "Start with the window closed (in the tray, or until the app is "
            + "started again): the sponsors go on stream without the window, as when the app starts with the computer.")
    private boolean background;

    @Option(names = "--connect", paramLabel = "CODE", description = "Connect to your GameTriggers account with the "
            + "code the platform gave you (as Settings does): test it, keep it, then start as usual. A MongoDB address "
            + "on the command line or in MONGODB_URI comes before the connection.")
    private String connectCode;

    @Option(names = "--demo", description = "Add three demo campaigns and join them.")
    private boolean demo;

    @Option(names = "--export", paramLabel = "earnings|showings", description = "Write a CSV and exit: earnings per "
            + "day and campaign, or every showing. With the embedded store, close the app first.")
    private String export;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "The export's first day (UTC); default: 30 days "
            + "before --to.")
    private LocalDate exportFrom;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "The export's last day (UTC); default: today.")
    private LocalDate exportTo;

    @Option(names = "--out", paramLabel = "FILE", description = "Where --export writes its CSV.")
    private Path exportFile;

    @Option(names = "--print-mongodb-setup", description = "Print the mongosh script for the platform's MongoDB "
            + "administrators and exit: the least-privilege role the app needs, the indexes it relies on (it creates "
            + "none there) and a user per streamer; for the database of --mongo-uri, else '"
            + StoreSettings.DEFAULT_DATABASE + "'.")
    private boolean printMongoDbSetup;

    private final PrintStream out;

    Main(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new Main(System.out)).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    static void closeQuietly(SingleInstance instance) {
        try {
            instance.close();
        } catch (IOException e) {
            log.debug("Releasing the data folder", e);
        }
    }

    /**
     * The command line (or the environment), else Settings, else the client id the build ships with; read at each
     * use, so a client id saved in Settings counts from then on.
     */
    static Supplier<Optional<String>> twitchClientId(Optional<String> commandLine, SavedSettings settings,
                                                     BuildDefaults build) {
        return () -> commandLine.or(() -> settings.form().twitchClientId()).or(build::twitchClientId);
    }

    private int printMongoDbSetup() {
        String database;
        try {
            database = StoreSettings.databaseOf(Optional.ofNullable(mongoUri));
        } catch (StoreException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        out.print(MongoDbSetup.script(database));
        out.flush();
        return 0;
    }

    /** Before the single-instance check: an export is not a second start of the app. */
    private int export(AppOptions options, Clock clock) {
        CsvExport.Kind kind;
        try {
            kind = CsvExport.Kind.parse(export);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        if (exportFile == null) {
            System.err.println("error: --export needs --out FILE, the CSV to write.");
            return 1;
        }
        LocalDate to = exportTo != null ? exportTo : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = exportFrom != null ? exportFrom : to.minusDays(30);
        return ExportCommand.run(options, kind, from, to, exportFile, out);
    }

    /** @throws IllegalArgumentException with a sentence saying which value cannot be used */
    private TwitchEndpoints twitchEndpoints() {
        Optional<String> chatUrl = Optional.ofNullable(twitchChatUrl);
        if (chatUrl.isPresent() && !chatUrl.get().matches("wss?://.+")) {
            throw new IllegalArgumentException("The Twitch chat stand-in must be a ws:// or wss:// address: " + twitchChatUrl);
        }
        Optional<HttpUrl> baseUrl = Optional.ofNullable(twitchBaseUrl).map(HttpUrl::parse);
        if (twitchBaseUrl != null && baseUrl.isEmpty()) {
            throw new IllegalArgumentException("The Twitch stand-in must be an http(s) address: " + twitchBaseUrl);
        }
        return new TwitchEndpoints(baseUrl, chatUrl,
                twitchPollMillis == null ? TwitchLink.POLL_INTERVAL : Duration.ofMillis(twitchPollMillis));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (printMongoDbSetup) { // for an administrator: no data folder, no log file
            return printMongoDbSetup();
        }
        Path folder = dataDir != null ? dataDir : DataDirectories.forCurrentUser();
        LogFile.start(folder);
        // Until the desktop app puts its own in place: a failure nobody caught goes to the log, not to a lost stderr.
        Thread.setDefaultUncaughtExceptionHandler(UncaughtFailures.logOnly());
        AppSettings saved;
        try {
            saved = AppSettings.load(folder);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        TwitchEndpoints endpoints;
        try {
            endpoints = twitchEndpoints();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        // The command line and the environment win over a GameTriggers connection, which wins over the settings file,
        // which wins over the defaults.
        Optional<String> commandLineStore = Optional.ofNullable(mongoUri).filter(uri -> !uri.isBlank());
        PlatformAccountFile accountFile = new PlatformAccountFile(folder);
        Optional<ConnectionCode> platform;
        try {
            platform = commandLineStore.isPresent() ? Optional.empty() : accountFile.load();
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        AppOptions options = new AppOptions(
                commandLineStore.or(saved::mongoUri),
                folder, headless, demo, overlayPort != null ? overlayPort : saved.overlayPort(),
                linksPort != null ? linksPort : LinksSettings.DEFAULT_PORT,
                Optional.ofNullable(publicTrackingUrl).or(saved::publicTrackingUrl),
                Optional.ofNullable(twitchClientId).filter(id -> !id.isBlank()),
                twitchLogin, saved.rotation(), endpoints, platform, saved.disclosureTags());
        // The app's one clock: every service, the window and the tray read time from it.
        Clock clock = Clock.systemDefaultZone();
        if (export != null) {
            return export(options, clock);
        }
        SingleInstance instance;
        try {
            SingleInstance.Claim claim = SingleInstance.claim(folder);
            if (claim instanceof SingleInstance.RunningElsewhere elsewhere) {
                // Not an error: the streamer wanted the app, and the running one has shown itself.
                out.println(elsewhere.answer());
                out.flush();
                return 0;
            }
            instance = ((SingleInstance.Claimed) claim).instance();
        } catch (IOException e) {
            System.err.println("error: the data folder " + folder + " cannot be used: " + e.getMessage());
            return 1;
        }
        // Before the services start, so they start on it; the window's Settings moves running ones.
        PlatformConnector connector = new PlatformConnector(accountFile, folder, platform, commandLineStore.isPresent(),
                next -> "");
        if (connectCode != null) {
            try {
                out.println(connector.connect(connectCode));
                out.flush();
            } catch (PlatformConnection.Refused e) {
                System.err.println("error: " + e.getMessage());
                closeQuietly(instance);
                return 1;
            }
            options = options.withPlatform(connector.connection());
        }
        OkHttpClient http = AppHttp.create();
        SettingsFile settings = new SettingsFile(folder, saved);
        TwitchSignIn twitch = TwitchSignIn.onTwitch(folder,
                twitchClientId(options.twitchClientId(), settings, BuildDefaults.load()), options.twitch(), http, clock);
        YouTubeSignIn youtube = YouTubeSignIn.onGoogle(folder, BuildDefaults.load(), http, clock);
        if (options.twitchLogin()) {
            try {
                twitch.signInFromTerminal(out);
            } catch (TwitchAccount.SignInException e) {
                System.err.println("error: " + e.getMessage());
                closeQuietly(instance);
                AppHttp.release(http);
                return 1;
            }
        }
        if (!options.headless()) {
            DesktopLauncher.launch(options, settings, connector, http, twitch, youtube, clock, background, instance);
            return 0;
        }
        CompanionServices services;
        try {
            services = CompanionServices.start(options, http, twitch, youtube, clock);
        } catch (StoreException | OverlayException | LinksException | IllegalArgumentException e) {
            log.debug("Start failed", e);
            System.err.println("error: " + e.getMessage());
            closeQuietly(instance);
            AppHttp.release(http);
            return 1;
        }
        try {
            instance.listen(() -> "GameTriggers Companion is already running without a window (--headless) on this "
                    + "data folder; stop it (Ctrl-C or SIGTERM) to start it another way.");
        } catch (IOException e) {
            log.warn("A second start will not find this one: {}", e.toString());
        }
        out.println("store: " + services.store().address());
        if (!services.store().missingIndexes().isEmpty()) {
            out.println("store indexes missing: " + String.join(", ", services.store().missingIndexes())
                    + " (run --print-mongodb-setup and give it to the platform's administrators)");
        }
        out.println("overlay: " + services.overlay().baseUrl());
        out.println("links: " + services.links().baseUrl());
        // The URL to paste into OBS; it carries the streamer's secret key, so it goes to the terminal, not to logs.
        out.println("obs browser source: " + services.overlay().rotationUrl());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.close();
            closeQuietly(instance);
            AppHttp.release(http);
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
