package com.gametriggers.companion.tracking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.tracking.journal.Journal;

/**
 * Where every impression, viewer sample and click enters the app. {@link #record} never waits on MongoDB: it writes
 * the event to a local journal and returns a future that completes once the event is on disk. From there a writer
 * thread coalesces events into guarded batch updates, so every durable event reaches the store exactly once, across
 * outages and crashes. While the journal cannot be written (a full disk), events are held in memory and written once
 * the journal has reopened itself; only those are lost if the app dies meanwhile, and {@link #status} says how many.
 */
public final class Tracker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Tracker.class);

    private final Journal journal;
    private final TrackerOptions options;
    private final RecentEventIds recentIds;
    private final ClickGuard clickGuard;
    private final Semaphore inMemory;
    private final CounterWriter writer;
    private final LongAdder recorded = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final AtomicLong orphaned = new AtomicLong();
    private final AtomicLong notOnDisk = new AtomicLong();
    private final AtomicLong journalDamage;
    private final List<Consumer<WriterStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> budgetListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private Tracker(Journal journal, TrackerOptions options, RecentEventIds recentIds, ClickGuard clickGuard,
                    AtomicLong journalDamage, MongoStore store, JournalReplay.Result replayed) {
        this.journal = journal;
        this.options = options;
        this.recentIds = recentIds;
        this.clickGuard = clickGuard;
        this.journalDamage = journalDamage;
        this.inMemory = new Semaphore(options.maxEventsInMemory());
        TermsCache terms = new TermsCache(store.participations(), store.campaigns(), options.termsMaxAge(), options.clock());
        BudgetGate budgets = new BudgetGate(store.campaignSpending(), options.clock(),
                campaignId -> budgetListeners.forEach(listener -> listener.accept(campaignId)));
        this.writer = new CounterWriter(store.counterBatches(), terms, budgets, journal, options, replayed,
                permits -> inMemory.release((int) permits), orphaned, this::statusChanged);
    }

    /**
     * Opens the journal in {@code journalDir}, replays what the last run left unconfirmed, and starts the writer.
     * A damaged journal tail is reported once (log and {@link TrackerStats#journalDamage()}) and skipped; the good
     * records before it count.
     *
     * @throws IOException when the journal folder cannot be used (for example, another instance has it open)
     */
    public static Tracker start(MongoStore store, Path journalDir, TrackerOptions options) throws IOException {
        JournalEvents journalEvents = new JournalEvents();
        AtomicLong journalDamage = journalEvents.damage();
        Journal journal = Journal.open(journalDir, options.journal(), journalEvents);
        try {
            RecentEventIds recentIds = new RecentEventIds(options.retention());
            ClickGuard clickGuard = new ClickGuard(options.clickWindow());
            JournalReplay.Result replayed = JournalReplay.replay(journal, seen -> {
                TrackingEvent event = seen.event();
                recentIds.firstTime(event.eventId(), seen.recordedAtMillis());
                if (event.isClick() && !seen.filtered()) {
                    clickGuard.counts(event.participationId(), event.viewerKey(), seen.recordedAtMillis());
                }
            });
            journalDamage.addAndGet(replayed.unreadable());
            Tracker tracker = new Tracker(journal, options, recentIds, clickGuard, journalDamage, store, replayed);
            journalEvents.connect(tracker::statusChanged);
            tracker.writer.start();
            return tracker;
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Records an event and returns at once. The future completes when the event is durable ({@link RecordOutcome#RECORDED}
     * or {@link RecordOutcome#FILTERED}), or at once for an id seen within the retention window
     * ({@link RecordOutcome#DUPLICATE}). While the journal cannot be written, the event is held in memory and the
     * future completes once the journal has reopened and written it, which can take minutes: callers that answer
     * someone should not wait for it then ({@link WriterStatus#journalWriting()}). The future fails only when the
     * tracker closes before the event is on disk; it was then not recorded and may be sent again with the same id.
     * Only when more than {@code maxEventsInMemory} events are waiting for the store, or the journal's own limits are
     * reached while it holds events in memory, does this call wait for room.
     *
     * <p>The future completes on the journal's own thread, which writes every event: a callback attached with a
     * non-async method must be quick and must not block; anything heavier belongs in a {@code *Async} callback.
     */
    public CompletableFuture<RecordOutcome> record(TrackingEvent event) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("The tracker is closed"));
        }
        long now = options.clock().millis();
        if (!recentIds.firstTime(event.eventId(), now)) {
            duplicates.increment();
            return CompletableFuture.completedFuture(RecordOutcome.DUPLICATE);
        }
        boolean isFiltered = event.isClick() && !clickGuard.counts(event.participationId(), event.viewerKey(), now);
        try {
            inMemory.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recentIds.forget(event.eventId());
            return CompletableFuture.failedFuture(e);
        }
        JournalEntry.Event entry = new JournalEntry.Event(event, isFiltered, now);
        notOnDisk.incrementAndGet();
        // Completed on the journal's writer thread, without a hand-off per event: callers attach quick callbacks
        // only, or use the *Async variants (see record's contract).
        CompletableFuture<RecordOutcome> handedOver = journal.append(JournalEntry.encode(entry)).handle((sequence, failure) -> {
            notOnDisk.decrementAndGet();
            if (failure != null) {
                inMemory.release();
                recentIds.forget(event.eventId());
                throw new CompletionException("The event could not be written to the tracking journal", failure);
            }
            writer.accept(new JournaledEvent(sequence, entry, true));
            recorded.increment();
            if (isFiltered) {
                filtered.increment();
                return RecordOutcome.FILTERED;
            }
            return RecordOutcome.RECORDED;
        });
        // The caller gets a copy: a caller that stops waiting (orTimeout, complete) completes only its copy. Completing
        // this stage itself would skip the hand-over above, and an event on disk would never reach the store.
        return handedOver.copy();
    }

    public WriterStatus status() {
        String journalProblem = journal.writeProblem();
        return new WriterStatus(writer.online(), writer.eventsWaiting(), writer.lastSuccessfulFlush(), writer.problem(),
                journalProblem == null, notOnDisk.get(), journalProblem);
    }

    /**
     * Called when the store goes offline or comes back, and when the journal stops being written or is written again,
     * on the thread that noticed (the tracker's or the journal's writer); keep it short.
     */
    public void onStatusChange(Consumer<WriterStatus> listener) {
        listeners.add(listener);
    }

    /**
     * Called with a campaign's id when the tracker finds its budget spent (in total or for the day), so that the
     * rotation stops choosing it at once; on the tracker's writer thread, keep it short.
     */
    public void onBudgetSpent(Consumer<String> listener) {
        budgetListeners.add(listener);
    }

    private void statusChanged() {
        WriterStatus status = status();
        listeners.forEach(listener -> listener.accept(status));
    }

    public TrackerStats stats() {
        return new TrackerStats(recorded.sum(), filtered.sum(), duplicates.sum(), orphaned.get(), journalDamage.get());
    }

    /**
     * Stops taking events, gives the store up to {@code closeTimeout} to take what is waiting, and closes the journal;
     * whatever the store did not take is replayed on the next start.
     */
    @Override
    public void close() {
        closed = true;
        try {
            writer.stop(options.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            journal.close();
        }
        if (writer.eventsWaiting() > 0) {
            log.info("{} tracked events wait in the journal for the next start", writer.eventsWaiting());
        }
    }
}
