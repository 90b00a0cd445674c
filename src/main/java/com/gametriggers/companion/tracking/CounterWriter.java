package com.gametriggers.companion.tracking;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.store.CounterBatches;
import com.gametriggers.companion.store.StoreUnavailableException;
import com.gametriggers.companion.tracking.journal.Journal;

/**
 * The one thread that moves journaled events to the store. It cuts a batch when the oldest waiting event is
 * {@code flushInterval} old or {@code maxBatchEvents} are waiting, journals the cut, and applies it as one guarded
 * update per participation, per participation and day, and per participation and quarter hour. While the store is away it retries the same batch with backoff, and events keep
 * piling up behind it, to be coalesced into the next batch once the store is back.
 */
final class CounterWriter {

    private static final Logger log = LoggerFactory.getLogger(CounterWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** A confirmed batch's newest sequence and record time: the journal can be released through it once old enough. */
    private record Checkpoint(long sequence, long recordedAtMillis) {
    }

    private final CounterBatches store;
    private final TermsCache terms;
    private final BudgetGate budgets;
    private final Journal journal;
    private final TrackerOptions options;
    private final Clock clock;
    private final LongConsumer releasePermits;
    private final AtomicLong orphaned;
    private final Runnable stateChanged;

    /**
     * Arrivals, lock-free: the journal's thread hands every event over, and waking this thread for each one would cost
     * a system call per event. While events wait, this thread looks in at its own pace (the flush interval) and is
     * woken early only when a full batch is waiting or when it must stop; with nothing waiting it sleeps until the
     * next event arrives, so a quiet evening costs no wake-ups.
     */
    private final Queue<JournaledEvent> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicInteger arrivedSinceDrain = new AtomicInteger();
    /** Set while this thread sleeps with nothing waiting: the next arrival wakes it. */
    private final AtomicBoolean asleepUntilNextEvent = new AtomicBoolean();
    private final List<JournaledEvent> pending = new ArrayList<>();
    private final Deque<Batch> cut = new ArrayDeque<>();
    private final Deque<Checkpoint> checkpoints = new ArrayDeque<>();
    private final Set<String> warnedOrphans = new java.util.HashSet<>();
    private final AtomicLong waiting = new AtomicLong();
    private final Thread thread;

    private long oldestPendingNanos;
    private volatile boolean online = true;
    private volatile String problem;
    private volatile Instant lastSuccessfulFlush;
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos;

    CounterWriter(CounterBatches store, TermsCache terms, BudgetGate budgets, Journal journal, TrackerOptions options,
                  JournalReplay.Result replayed, LongConsumer releasePermits, AtomicLong orphaned,
                  Runnable stateChanged) {
        this.store = store;
        this.terms = terms;
        this.budgets = budgets;
        this.journal = journal;
        this.options = options;
        this.clock = options.clock();
        this.releasePermits = releasePermits;
        this.orphaned = orphaned;
        this.stateChanged = stateChanged;
        cut.addAll(replayed.unconfirmed());
        pending.addAll(replayed.unbatched());
        oldestPendingNanos = System.nanoTime();
        waiting.set(replayed.unbatched().size() + replayed.unconfirmed().stream().mapToLong(b -> b.events().size()).sum());
        this.thread = NamedThreads.factory("tracking-writer").newThread(this::run);
    }

    void start() {
        thread.start();
    }

    /** Takes an event that is durable in the journal; never blocks. */
    void accept(JournaledEvent event) {
        waiting.incrementAndGet();
        incoming.add(event);
        if (arrivedSinceDrain.incrementAndGet() == options.maxBatchEvents()
                || asleepUntilNextEvent.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
    }

    boolean online() {
        return online;
    }

    /** Events on disk in the journal that the store has not confirmed yet. */
    long eventsWaiting() {
        return waiting.get();
    }

    Instant lastSuccessfulFlush() {
        return lastSuccessfulFlush;
    }

    String problem() {
        return problem;
    }

    /** Writes what is waiting, for at most {@code timeout}; what the store did not take stays in the journal. */
    void stop(Duration timeout) throws InterruptedException {
        stopDeadlineNanos = System.nanoTime() + timeout.toNanos();
        stopping = true;
        LockSupport.unpark(thread); // not an interrupt: that could abort a store write midway
        thread.join(timeout.toMillis() + 1_000);
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            drainIncoming();
            if (stopping && (nothingWaiting() || System.nanoTime() > stopDeadlineNanos)) {
                return;
            }
            if (cut.isEmpty() && timeToCut()) {
                if (!cutBatch()) {
                    pause(MAX_BACKOFF);
                    continue;
                }
            }
            if (!cut.isEmpty()) {
                if (apply(cut.peekFirst())) {
                    cut.removeFirst();
                    backoff = FIRST_BACKOFF;
                } else {
                    pause(withJitter(backoff));
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
                continue;
            }
            awaitNextEvent();
        }
    }

    private void drainIncoming() {
        arrivedSinceDrain.set(0);
        for (JournaledEvent event = incoming.poll(); event != null; event = incoming.poll()) {
            if (pending.isEmpty()) {
                oldestPendingNanos = System.nanoTime();
            }
            pending.add(event);
        }
    }

    private boolean nothingWaiting() {
        return pending.isEmpty() && cut.isEmpty() && incoming.isEmpty();
    }

    private boolean timeToCut() {
        if (pending.isEmpty()) {
            return false;
        }
        return stopping || pending.size() >= options.maxBatchEvents()
                || System.nanoTime() - oldestPendingNanos >= options.flushInterval().toNanos();
    }

    /** Sleeps until the oldest waiting event is due, or, when none is waiting, until the next one arrives. */
    private void awaitNextEvent() {
        if (stopping) {
            return;
        }
        if (!pending.isEmpty()) {
            long waitNanos = options.flushInterval().toNanos() - (System.nanoTime() - oldestPendingNanos);
            if (waitNanos > 0) {
                LockSupport.parkNanos(this, waitNanos);
            }
            return;
        }
        // Flag first, then look: an event added after the look finds the flag set and wakes this thread.
        asleepUntilNextEvent.set(true);
        if (incoming.isEmpty() && !stopping) {
            LockSupport.park(this);
        }
        asleepUntilNextEvent.set(false);
    }

    /** Journals the cut before anything reaches the store, so a crash replays exactly this batch under this id. */
    private boolean cutBatch() {
        pending.sort(Comparator.comparingLong(JournaledEvent::sequence));
        int size = Math.min(pending.size(), options.maxBatchEvents());
        List<JournaledEvent> events = new ArrayList<>(pending.subList(0, size));
        Batch batch = new Batch(UUID.randomUUID().toString(), events);
        try {
            journal.append(JournalEntry.encode(new JournalEntry.BatchCut(batch.id(), runs(events)))).join();
        } catch (RuntimeException e) {
            changeState(online, "The tracking journal cannot be written: " + e.getMessage());
            return false;
        }
        pending.subList(0, size).clear();
        oldestPendingNanos = System.nanoTime();
        cut.addLast(batch);
        return true;
    }

    private static long[] runs(List<JournaledEvent> sortedEvents) {
        List<long[]> runs = new ArrayList<>();
        for (JournaledEvent event : sortedEvents) {
            long sequence = event.sequence();
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] + 1 == sequence) {
                last[1] = sequence;
            } else {
                runs.add(new long[] {sequence, sequence});
            }
        }
        return runs.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    }

    private boolean apply(Batch batch) {
        List<JournalEntry.Event> events = batch.events().stream().map(JournaledEvent::entry).toList();
        Set<String> participationIds = events.stream().map(e -> e.event().participationId()).collect(Collectors.toSet());
        try {
            Coalescer.Coalesced coalesced = budgets.settle(batch.id(), events, terms.termsFor(participationIds));
            store.apply(batch.id(), coalesced.byParticipation(), coalesced.byDay(), coalesced.byQuarter(),
                    coalesced.activity());
            reportOrphans(batch, coalesced);
        } catch (StoreUnavailableException e) {
            changeState(false, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // A refused write is retried too, never dropped: the events stay in the journal until it goes through.
            changeState(false, "The store refused the tracked counts: " + e.getMessage());
            log.debug("Batch {} refused", batch.id(), e);
            return false;
        }
        confirm(batch);
        return true;
    }

    private void confirm(Batch batch) {
        journal.append(JournalEntry.encode(new JournalEntry.BatchConfirmed(batch.id())));
        waiting.addAndGet(-batch.events().size());
        releasePermits.accept(batch.permits());
        lastSuccessfulFlush = clock.instant();
        checkpoints.addLast(new Checkpoint(batch.lastSequence(), batch.lastRecordedAtMillis()));
        releaseJournal();
        changeState(true, null);
    }

    /**
     * Lets the journal drop what is confirmed and older than the retention window (it also seeds duplicate detection
     * after a restart), but never past an event the store has not confirmed yet.
     */
    private void releaseJournal() {
        long cutoff = clock.millis() - options.retention().toMillis();
        long unconfirmedFloor = Math.min(
                pending.stream().mapToLong(JournaledEvent::sequence).min().orElse(Long.MAX_VALUE),
                cut.stream().mapToLong(Batch::firstSequence).min().orElse(Long.MAX_VALUE));
        long releasable = -1;
        while (!checkpoints.isEmpty() && checkpoints.peekFirst().recordedAtMillis() < cutoff) {
            releasable = checkpoints.removeFirst().sequence();
        }
        if (releasable >= 0) {
            try {
                journal.releaseThrough(Math.min(releasable, unconfirmedFloor - 1));
            } catch (IOException e) {
                log.warn("Old journal segments could not be deleted; they will be tried again: {}", e.getMessage());
            }
        }
    }

    private void reportOrphans(Batch batch, Coalescer.Coalesced coalesced) {
        if (coalesced.orphaned() == 0) {
            return;
        }
        orphaned.addAndGet(coalesced.orphaned());
        for (JournaledEvent event : batch.events()) {
            String id = event.entry().event().participationId();
            if (!coalesced.byParticipation().containsKey(id) && warnedOrphans.add(id)) {
                log.warn("Events for participation {} were recorded, but the store has no such participation", id);
            }
        }
    }

    /** Logs and tells the tracker once per change between online and offline, not once per retry. */
    private void changeState(boolean nowOnline, String nowProblem) {
        boolean changed = nowOnline != online;
        online = nowOnline;
        problem = nowProblem;
        if (!changed) {
            return;
        }
        if (nowOnline) {
            log.info("Store reachable again; tracked counts are flowing ({} events waiting)", waiting.get());
        } else {
            log.warn("Store unavailable, tracked events wait in the journal and are retried: {}", nowProblem);
        }
        stateChanged.run();
    }

    /** Waits before a retry; a stop cuts the wait short, so closing does not sit out a backoff. */
    private void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0 && !stopping; left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    private static Duration withJitter(Duration backoff) {
        double factor = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofNanos((long) (backoff.toNanos() * factor));
    }
}
