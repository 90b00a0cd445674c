package com.gametriggers.companion.tunnel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.chat.Backoff;
import com.gametriggers.companion.chat.ChatScheduler;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Cloudflare's free quick tunnel ({@code cloudflared tunnel --url ...}) in front of the local tracking-links listener,
 * so that viewers on their phones reach the links through a public {@code https://<name>.trycloudflare.com} address.
 *
 * <p>cloudflared runs as a child process that this class keeps alive: when it exits, or stays without a connection to
 * Cloudflare, it is started again after a backoff delay, and listeners hear the new address (a quick tunnel gets a
 * new one at every start). The address is read from cloudflared's metrics endpoint, not from its log. Everything runs
 * on the tunnel's own daemon thread; {@link #close()} ends the process and whatever it started.
 *
 * <p>Listeners are called on the tunnel's thread (or the closing thread, for the final {@code STOPPED}), one state at
 * a time and in order; they must return quickly (hand the state to the UI thread) and not wait for the tunnel.
 */
public final class QuickTunnel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QuickTunnel.class);
    private static final Pattern HOSTNAME = Pattern.compile(
            "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    /**
     * How patient the tunnel is. The defaults suit a real cloudflared; tests shorten them.
     *
     * @param pollInterval   between readiness checks while waiting for the address
     * @param startTimeout   a start that has no address by then is given up and restarted
     * @param healthInterval between readiness checks once the tunnel is up
     * @param unreadyLimit   how long an up tunnel may have no connection to Cloudflare (cloudflared reconnects by
     *                       itself first) before it is restarted
     * @param stableAfter    a tunnel that was up this long starts its restart delays from the shortest again
     * @param stopGrace      how long cloudflared gets to end by itself before it is killed
     */
    public record Timings(Duration pollInterval, Duration startTimeout, Duration healthInterval,
                          Duration unreadyLimit, Duration stableAfter, Duration stopGrace) {

        public static Timings standard() {
            return new Timings(Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(10),
                    Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofSeconds(3));
        }
    }

    private final List<String> launcher;
    private final URI localUrl;
    private final Backoff backoff;
    private final Timings timings;
    private final Clock clock;
    private final List<Consumer<TunnelState>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;
    private final ChatScheduler restartScheduler;
    private final HttpClient http;
    private final Thread shutdownHook;

    private final Object lock = new Object();
    private Run run;
    private boolean started;
    private boolean closed;
    private int failedStarts;
    private ChatScheduler.Cancellable pendingRestart;
    private volatile TunnelState state = TunnelState.stopped();

    /**
     * @param cloudflared the executable, usually from {@link CloudflaredLocator#find()}
     * @param localUrl    the local listener, {@code http://127.0.0.1:<port>}
     */
    public QuickTunnel(Path cloudflared, URI localUrl, Clock clock) {
        this(List.of(cloudflared.toString()), localUrl, Backoff.standard(), null, Timings.standard(), clock);
    }

    /**
     * @param launcher         the command that runs cloudflared, before its arguments (tests run a stand-in)
     * @param restartScheduler waits out the restart delays; {@code null} for the tunnel's own thread
     */
    QuickTunnel(List<String> launcher, URI localUrl, Backoff backoff, ChatScheduler restartScheduler,
                Timings timings, Clock clock) {
        if (launcher.isEmpty()) {
            throw new IllegalArgumentException("No cloudflared command");
        }
        this.launcher = List.copyOf(launcher);
        this.localUrl = Objects.requireNonNull(localUrl, "localUrl");
        this.backoff = backoff;
        this.timings = timings;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("quick-tunnel"));
        this.restartScheduler = restartScheduler != null ? restartScheduler : ChatScheduler.using(executor);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        // An app ended by a signal never reaches close(); the hook keeps cloudflared from outliving it then too.
        this.shutdownHook = new Thread(this::killCurrentProcess, "quick-tunnel-shutdown");
    }

    public void addListener(Consumer<TunnelState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<TunnelState> listener) {
        listeners.remove(listener);
    }

    /** The last state published. */
    public TunnelState state() {
        return state;
    }

    /** Starts cloudflared in the background and returns at once; a second call does nothing. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                return; // The app is quitting: a tunnel now would outlive it.
            }
            started = true;
        }
        executor.execute(this::launch);
    }

    // ---- on the tunnel thread ----

    private void launch() {
        Run next;
        synchronized (lock) {
            if (closed) {
                return;
            }
            pendingRestart = null;
            int metricsPort;
            try {
                metricsPort = freeLoopbackPort();
            } catch (UncheckedIOException e) {
                log.warn("No free local port for cloudflared's metrics", e);
                scheduleRestart("The public link tunnel found no free local port; trying again in %s.");
                return;
            }
            List<String> command = new ArrayList<>(launcher);
            command.addAll(List.of("tunnel", "--no-autoupdate", "--metrics", "127.0.0.1:" + metricsPort,
                    "--url", localUrl.toString()));
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                log.warn("Could not run {}: {}", command, e.getMessage());
                publish(TunnelState.unavailable("cloudflared could not be started (" + launcher.get(0)
                        + "); install it again or pick another public address in Settings."));
                return;
            }
            next = new Run(process, metricsPort, clock.instant());
            run = next;
            publish(TunnelState.starting("Getting a public address from Cloudflare…"));
        }
        log.info("Started cloudflared (pid {}) for {}, metrics on 127.0.0.1:{}", next.process.pid(), localUrl,
                next.metricsPort);
        closeQuietly(next.process);
        drainOutput(next);
        next.process.onExit().thenRun(() -> onTunnelThread(() -> exited(next)));
        later(() -> waitForAddress(next), timings.pollInterval());
    }

    private void waitForAddress(Run current) {
        if (!isCurrent(current) || !current.process.isAlive()) {
            return;
        }
        Optional<String> hostname = ready(current) ? hostname(current) : Optional.empty();
        if (hostname.isPresent()) {
            URI url = URI.create("https://" + hostname.get());
            synchronized (lock) {
                if (run != current || closed) {
                    return;
                }
                current.upSince = clock.instant();
                log.info("Quick tunnel up at {}", url);
                publish(TunnelState.up(url));
            }
            scheduleHealthCheck(current);
            return;
        }
        if (Duration.between(current.startedAt, clock.instant()).compareTo(timings.startTimeout()) >= 0) {
            stopRun(current, "no public address after " + readable(timings.startTimeout()),
                    "cloudflared got no public address within " + readable(timings.startTimeout())
                            + "; trying again in %s.");
            return;
        }
        later(() -> waitForAddress(current), timings.pollInterval());
    }

    // A quick tunnel can stay alive with every edge connection gone while its hostname no longer resolves, so an
    // up tunnel is watched through /ready and restarted when it stays unready.
    private void scheduleHealthCheck(Run current) {
        later(() -> {
            if (!isCurrent(current) || !current.process.isAlive()) {
                return;
            }
            Instant now = clock.instant();
            if (ready(current)) {
                current.unreadySince = null;
            } else if (current.unreadySince == null) {
                current.unreadySince = now;
                log.info("cloudflared has no connection to Cloudflare; waiting for it to reconnect");
            } else if (Duration.between(current.unreadySince, now).compareTo(timings.unreadyLimit()) >= 0) {
                stopRun(current, "no connection to Cloudflare for " + readable(timings.unreadyLimit()),
                        "The public link tunnel lost its connection to Cloudflare; restarting in %s."
                                + " Links will have a new address.");
                return;
            }
            scheduleHealthCheck(current);
        }, timings.healthInterval());
    }

    /** Ends a run that cloudflared would not end itself; {@link #exited} then schedules the restart. */
    private void stopRun(Run current, String why, String restartMessage) {
        current.stopReason = restartMessage;
        log.warn("Stopping cloudflared (pid {}): {}", current.process.pid(), why);
        Thread stopper = NamedThreads.factory("quick-tunnel-stop").newThread(
                () -> terminate(current.process, timings.stopGrace()));
        stopper.start();
    }

    private void exited(Run ended) {
        synchronized (lock) {
            if (closed || run != ended) {
                return;
            }
            run = null;
            int code = ended.process.exitValue();
            log.info("cloudflared (pid {}) exited with code {}{}", ended.process.pid(), code,
                    ended.lastLine == null ? "" : "; its last line: " + ended.lastLine);
            if (ended.upSince != null
                    && Duration.between(ended.upSince, clock.instant()).compareTo(timings.stableAfter()) >= 0) {
                failedStarts = 0;
            }
            String message;
            if (ended.stopReason != null) {
                message = ended.stopReason;
            } else if (ended.upSince != null) {
                message = "The public link tunnel stopped; restarting in %s. Links will have a new address.";
            } else {
                message = "cloudflared stopped before the public link was ready (exit code " + code
                        + "); trying again in %s. The app log has its last words.";
            }
            scheduleRestart(message);
        }
    }

    /** Called holding the lock. {@code message} has one {@code %s} for the delay. */
    private void scheduleRestart(String message) {
        Duration delay = backoff.delay(failedStarts++);
        publish(TunnelState.restarting(String.format(message, readable(delay))));
        pendingRestart = restartScheduler.schedule(() -> onTunnelThread(this::launch), delay);
    }

    private boolean ready(Run current) {
        return get(current, "/ready").map(response -> response.statusCode() == 200).orElse(false);
    }

    private Optional<String> hostname(Run current) {
        return get(current, "/quicktunnel")
                .filter(response -> response.statusCode() == 200)
                .flatMap(response -> {
                    try {
                        JsonElement value = JsonParser.parseString(response.body()).getAsJsonObject().get("hostname");
                        String name = value == null || value.isJsonNull() ? "" : value.getAsString().trim();
                        name = name.toLowerCase(Locale.ROOT);
                        return HOSTNAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
                    } catch (RuntimeException e) {
                        log.debug("Unexpected /quicktunnel answer: {}", response.body());
                        return Optional.empty();
                    }
                });
    }

    private Optional<HttpResponse<String>> get(Run current, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + current.metricsPort + path))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            // Refused until cloudflared has opened its metrics port: the normal first answer.
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    // A pipe nobody reads fills up and then blocks cloudflared's logging, and with it cloudflared.
    private static void drainOutput(Run current) {
        NamedThreads.start("quick-tunnel-log-" + current.process.pid(), () -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(current.process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    log.debug("cloudflared: {}", line);
                    if (!line.isBlank()) {
                        current.lastLine = line;
                    }
                }
            } catch (IOException e) {
                log.debug("cloudflared's output ended", e);
            }
        });
    }

    private void later(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing left to do.
        }
    }

    private void onTunnelThread(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing left to do.
        }
    }

    private boolean isCurrent(Run current) {
        synchronized (lock) {
            return !closed && run == current;
        }
    }

    /** Called holding the lock, so that no state can overtake another, nor follow the final {@code STOPPED}. */
    private void publish(TunnelState next) {
        state = next;
        for (Consumer<TunnelState> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                log.warn("A tunnel state listener failed", e);
            }
        }
    }

    // ---- stopping ----

    /**
     * Stops cloudflared and everything it started, waiting at most the stop grace plus a moment, and publishes
     * {@code STOPPED}. The tunnel cannot be started again; make a new one.
     */
    @Override
    public void close() {
        Run last;
        boolean wasStarted;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            wasStarted = started;
            last = run;
            run = null;
            if (pendingRestart != null) {
                pendingRestart.cancel();
            }
        }
        executor.shutdownNow();
        if (last != null) {
            terminate(last.process, timings.stopGrace());
        }
        if (wasStarted) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running or has run.
            }
        }
        synchronized (lock) {
            publish(TunnelState.stopped());
        }
    }

    private void killCurrentProcess() {
        Run last;
        synchronized (lock) {
            last = run;
        }
        if (last != null) {
            terminate(last.process, Duration.ofSeconds(1));
        }
    }

    /**
     * Asks the process and its descendants to end, then kills what is left after {@code grace}. The descendants are
     * listed first: once the parent is gone they are re-parented and no longer found through it.
     */
    static void terminate(Process process, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // Killed below.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                log.info("Killing pid {}, still running {} after asking it to stop", handle.pid(), grace);
                handle.destroyForcibly();
            }
        }
    }

    // ---- helpers ----

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // cloudflared never reads its stdin; an open pipe would only hold a file descriptor.
    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            log.debug("Closing cloudflared's input", e);
        }
    }

    /** "4 s", "2 min": rounded up, so a wait is never announced shorter than it is. */
    static String readable(Duration delay) {
        long secs = Math.max(1, (delay.toMillis() + 999) / 1000);
        if (secs < 120) {
            return secs + " s";
        }
        return (secs + 59) / 60 + " min";
    }

    /** One cloudflared process and what is known about it. Fields written on the tunnel thread. */
    private static final class Run {
        final Process process;
        final int metricsPort;
        final Instant startedAt;
        volatile Instant upSince;
        volatile Instant unreadySince;
        volatile String stopReason;
        volatile String lastLine;

        Run(Process process, int metricsPort, Instant startedAt) {
            this.process = process;
            this.metricsPort = metricsPort;
            this.startedAt = startedAt;
        }
    }
}
