package com.gametriggers.companion.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.chat.Backoff;
import com.gametriggers.companion.chat.ChatScheduler;
import com.gametriggers.companion.tunnel.TunnelState.Status;

/** The tunnel against {@link FakeCloudflared}, a real child process that behaves like cloudflared. */
class QuickTunnelTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:17731");
    private static final QuickTunnel.Timings FAST = new QuickTunnel.Timings(Duration.ofMillis(50),
            Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(600), Duration.ofMinutes(1),
            Duration.ofSeconds(3));

    private Path dir;
    private final List<TunnelState> states = new CopyOnWriteArrayList<>();
    private final List<QuickTunnel> tunnels = new ArrayList<>();
    private final ScheduledExecutorService testTimer = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void makeFolder() throws IOException {
        dir = Files.createDirectories(Path.of("target", "quick-tunnel-test", UUID.randomUUID().toString()))
                .toAbsolutePath();
    }

    @AfterEach
    void stopEverything() {
        tunnels.forEach(QuickTunnel::close);
        testTimer.shutdownNow();
        pids(".pid").forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        pids(".child").forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void publishesTheAddressFromTheMetricsEndpointAndTheNewOneAfterARestart() throws IOException {
        QuickTunnel tunnel = tunnel(fake("-Dfake.lifeMillis=1500"), new Backoff(Duration.ofMillis(200),
                Duration.ofSeconds(2), () -> 0.5), null);

        tunnel.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> upAddresses().size() >= 1);
        assertThat(upAddresses().get(0)).isEqualTo(URI.create("https://run-1-quiet-otter.trycloudflare.com"));
        assertThat(states.get(0).status()).isEqualTo(Status.STARTING);
        assertThat(Files.readString(dir.resolve("run-1.args")))
                .startsWith("tunnel --no-autoupdate --metrics 127.0.0.1:")
                .endsWith(" --url http://127.0.0.1:17731");

        await().atMost(Duration.ofSeconds(20)).until(() -> upAddresses().size() >= 2);
        assertThat(upAddresses().get(1)).isEqualTo(URI.create("https://run-2-quiet-otter.trycloudflare.com"));
        List<Status> order = states.stream().map(TunnelState::status).toList();
        assertThat(order.subList(order.indexOf(Status.UP), order.lastIndexOf(Status.UP) + 1))
                .containsSubsequence(Status.UP, Status.RESTARTING, Status.STARTING, Status.UP);
        TunnelState restarting = states.stream().filter(s -> s.status() == Status.RESTARTING).findFirst()
                .orElseThrow();
        assertThat(restarting.message())
                .isEqualTo("The public link tunnel stopped; restarting in 1 s. Links will have a new address.");
        assertThat(restarting.publicUrl()).isEmpty();
        assertThat(tunnel.state().publicUrl()).contains(URI.create("https://run-2-quiet-otter.trycloudflare.com"));
        assertThat(states).extracting(TunnelState::message)
                .noneMatch(message -> message.contains("decoy") || message.contains("api.trycloudflare.com"));
    }

    @Test
    void closeLeavesNoCloudflaredNorAnythingItStarted() {
        QuickTunnel tunnel = tunnel(fake("-Dfake.spawnChild=true"), Backoff.standard(), null);
        tunnel.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> tunnel.state().status() == Status.UP);
        await().atMost(Duration.ofSeconds(10)).until(() -> pids(".child").size() == 1);
        long cloudflared = pids(".pid").get(0);
        long child = pids(".child").get(0);
        assertThat(alive(cloudflared)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> alive(child));
        assertThat(ProcessHandle.of(cloudflared).orElseThrow().descendants().map(ProcessHandle::pid))
                .contains(child);

        tunnel.close();

        assertThat(alive(cloudflared)).as("cloudflared after close").isFalse();
        assertThat(alive(child)).as("cloudflared's own child after close").isFalse();
        assertThat(states.get(states.size() - 1).status()).isEqualTo(Status.STOPPED);
        assertThat(pids(".pid")).hasSize(1);
    }

    @Test
    void aCloudflaredThatFailsAtOnceIsRetriedLaterEachTimeWithASentenceNotATrace() {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        // Records the delay the tunnel asked for and waits only a moment, so three retries take no 7 s.
        ChatScheduler quick = (task, delay) -> {
            delays.add(delay);
            var future = testTimer.schedule(task, 10, TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
        QuickTunnel tunnel = tunnel(fake("-Dfake.mode=fail"), new Backoff(Duration.ofSeconds(1),
                Duration.ofMinutes(2), () -> 0.999), quick);

        tunnel.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> restartMessages().size() >= 3);
        assertThat(delays.subList(0, 3)).isSortedAccordingTo(Duration::compareTo).doesNotHaveDuplicates();
        assertThat(restartMessages().subList(0, 3)).containsExactly(
                "cloudflared stopped before the public link was ready (exit code 1); trying again in 1 s."
                        + " The app log has its last words.",
                "cloudflared stopped before the public link was ready (exit code 1); trying again in 2 s."
                        + " The app log has its last words.",
                "cloudflared stopped before the public link was ready (exit code 1); trying again in 4 s."
                        + " The app log has its last words.");
        assertThat(states).extracting(TunnelState::status).doesNotContain(Status.UP);
        assertThat(states).extracting(TunnelState::message).allSatisfy(message -> assertThat(message)
                .doesNotContain("Exception", "\n", "\tat ", "api.trycloudflare.com"));
    }

    @Test
    void aTunnelThatStaysWithoutAConnectionIsRestartedForANewAddress() {
        QuickTunnel tunnel = tunnel(fake("-Dfake.readyForMillis=1000"), new Backoff(Duration.ofMillis(100),
                Duration.ofSeconds(1), () -> 0.5), null);

        tunnel.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> upAddresses().size() >= 2);
        assertThat(restartMessages()).first().isEqualTo(
                "The public link tunnel lost its connection to Cloudflare; restarting in 1 s."
                        + " Links will have a new address.");
        assertThat(upAddresses().get(1)).isEqualTo(URI.create("https://run-2-quiet-otter.trycloudflare.com"));
        // The unready one was ended, not left running next to its successor.
        assertThat(alive(pidOfRun(1))).isFalse();
    }

    @Test
    void anExecutableThatCannotBeRunIsUnavailableNotRetried() {
        QuickTunnel tunnel = tunnel(List.of(dir.resolve("no-such-cloudflared").toString()), Backoff.standard(), null);

        tunnel.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> tunnel.state().status() == Status.UNAVAILABLE);
        assertThat(tunnel.state().message()).startsWith("cloudflared could not be started (")
                .doesNotContain("Exception", "\n");
        assertThat(tunnel.state().publicUrl()).isEmpty();
    }

    @Test
    void announcedDelaysAreRoundedUp() {
        assertThat(QuickTunnel.readable(Duration.ofMillis(250))).isEqualTo("1 s");
        assertThat(QuickTunnel.readable(Duration.ofMillis(3996))).isEqualTo("4 s");
        assertThat(QuickTunnel.readable(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(QuickTunnel.readable(Duration.ofSeconds(150))).isEqualTo("3 min");
    }

    // ---- helpers ----

    private QuickTunnel tunnel(List<String> launcher, Backoff backoff, ChatScheduler restarts) {
        QuickTunnel tunnel = new QuickTunnel(launcher, LOCAL, backoff, restarts, FAST, Clock.systemUTC());
        tunnel.addListener(states::add);
        tunnels.add(tunnel);
        return tunnel;
    }

    private List<String> fake(String... properties) {
        return FakeCloudflared.command(dir, properties);
    }

    private List<URI> upAddresses() {
        return states.stream().map(TunnelState::publicUrl).flatMap(Optional::stream).distinct().toList();
    }

    private List<String> restartMessages() {
        return states.stream().filter(s -> s.status() == Status.RESTARTING).map(TunnelState::message).toList();
    }

    private long pidOfRun(int run) {
        try {
            return Long.parseLong(Files.readString(dir.resolve("run-" + run + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> pids(String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .map(f -> {
                        try {
                            return Files.readString(f).trim();
                        } catch (IOException e) {
                            return "";
                        }
                    })
                    .filter(text -> !text.isEmpty())
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
