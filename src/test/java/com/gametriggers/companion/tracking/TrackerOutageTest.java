package com.gametriggers.companion.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.domain.ClickType;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreSettings;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The store goes away for more than ten seconds while events keep coming, then comes back on the same address, as
 * a MongoDB restart or a dropped connection does: every event counts once, and the status went offline and back.
 */
class TrackerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(11);

    @TempDir
    Path dataDir;

    @Test
    void countsStayExactThroughAnOutageAndTheStatusShowsIt() throws Exception {
        int port = freePort();
        String dataFile = dataDir.resolve("server.mv.db").toString();
        MongoServer server = new MongoServer(new H2Backend(dataFile));
        server.bind("127.0.0.1", port);
        MongoStore store = MongoStore.open(new StoreSettings(
                Optional.of("mongodb://127.0.0.1:" + port + "/?directConnection=true"), dataDir, Optional.empty()));
        Participation p = Campaigns.joined(store, Campaigns.running(PaymentType.CPC, "0.10"));
        Tracker tracker = Tracker.start(store, dataDir.resolve("journal"),
                TrackerOptions.defaults().withFlushInterval(Duration.ofMillis(50)));
        List<WriterStatus> changes = new CopyOnWriteArrayList<>();
        tracker.onStatusChange(changes::add);

        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        AtomicLong notDurable = new AtomicLong();
        Thread producer = new Thread(() -> {
            while (producing.get()) {
                long n = sent.incrementAndGet();
                RecordOutcome outcome = tracker.record(TrackingEvent.click("e" + n, p.id(), Instant.now(), ClickType.LINK, null)).join();
                if (outcome != RecordOutcome.RECORDED) {
                    notDurable.incrementAndGet();
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "producer");
        try {
            producer.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> store.participations().byId(p.id()).orElseThrow().clicks() > 0);

            server.shutdownNow();
            await().atMost(Duration.ofSeconds(30)).until(() -> !tracker.status().online());
            long sentWhenDown = sent.get();
            Thread.sleep(OUTAGE.toMillis());
            assertThat(sent.get()).as("recording went on while the store was away").isGreaterThan(sentWhenDown + 100);
            assertThat(tracker.status().eventsWaiting()).isPositive();

            server = new MongoServer(new H2Backend(dataFile));
            server.bind("127.0.0.1", port);
            await().atMost(Duration.ofSeconds(30)).until(() -> tracker.status().online());
            producing.set(false);
            producer.join(10_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> tracker.status().eventsWaiting() == 0);

            Participation after = store.participations().byId(p.id()).orElseThrow();
            assertThat(notDurable.get()).isZero();
            assertThat(after.clicks()).isEqualTo(sent.get());
            assertThat(after.linkClicks()).isEqualTo(sent.get());
            assertThat(after.estimatedEarnings()).isEqualByComparingTo(
                    new java.math.BigDecimal("0.10").multiply(java.math.BigDecimal.valueOf(sent.get())));
            assertThat(changes).extracting(WriterStatus::online).containsExactly(false, true);
            assertThat(changes.get(0).problem()).contains("cannot be reached");
        } finally {
            producing.set(false);
            producer.join(10_000);
            tracker.close();
            store.close();
            server.shutdownNow();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
