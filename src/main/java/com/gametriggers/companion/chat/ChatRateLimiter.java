package com.gametriggers.companion.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Keeps the bot inside Twitch's chat limit: at most {@code perWindow} messages in any window (20 in 30 s, 100 when
 * the bot is broadcaster or moderator). Going over gets the account ignored for 30 minutes, so this is a sliding
 * window over the real send times, never a refilling bucket that could allow a burst across a window edge.
 *
 * <p>What may not go yet waits in a bounded queue, in order, and goes when the window allows and the transport takes
 * it. What cannot go (queue full, waited longer than {@code maxWait}, limiter closed) is counted and handed to the
 * {@link NotSentListener}: a viewer's answer is never dropped without a trace.
 */
public final class ChatRateLimiter implements AutoCloseable {

    /**
     * @param perWindow         the limit as a regular user
     * @param perWindowElevated the limit as broadcaster or moderator
     * @param queueCapacity     how many messages may wait
     * @param maxWait           how long a message may wait; an answer much later than its command only confuses chat
     */
    public record Limits(Duration window, int perWindow, int perWindowElevated, int queueCapacity, Duration maxWait) {

        public Limits {
            if (window.isNegative() || window.isZero() || maxWait.isNegative() || perWindow < 1
                    || perWindowElevated < perWindow || queueCapacity < 0) {
                throw new IllegalArgumentException("Invalid chat limits");
            }
        }

        public static Limits twitch() {
            return new Limits(Duration.ofSeconds(30), 20, 100, 100, Duration.ofSeconds(60));
        }
    }

    public enum NotSentReason { QUEUE_FULL, WAITED_TOO_LONG, STOPPED }

    /** Called outside the limiter's lock, on whichever thread found out; keep it quick. */
    @FunctionalInterface
    public interface NotSentListener {
        void notSent(String message, NotSentReason reason);
    }

    private record Waiting(String message, Instant since) {
    }

    private record Report(String message, NotSentReason reason) {
    }

    private final Limits limits;
    private final Clock clock;
    private final ChatScheduler scheduler;
    private final Predicate<String> transport;
    private final NotSentListener listener;
    private final Deque<Instant> sentAt = new ArrayDeque<>();
    private final Deque<Waiting> queue = new ArrayDeque<>();
    private ChatScheduler.Cancellable wakeUp;
    private boolean elevated;
    private boolean closed;
    private long sent;
    private long notSent;

    /**
     * @param transport sends one message and says whether it went; false (no connection) keeps it queued until
     *                  {@link #wake()}
     */
    public ChatRateLimiter(Limits limits, Clock clock, ChatScheduler scheduler, Predicate<String> transport,
                           NotSentListener listener) {
        this.limits = limits;
        this.clock = clock;
        this.scheduler = scheduler;
        this.transport = transport;
        this.listener = listener;
    }

    /** Sends {@code message} now if the window allows, else queues it (or reports it as not sent). */
    public void submit(String message) {
        List<Report> reports = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                reports.add(new Report(message, NotSentReason.STOPPED));
            } else {
                queue.addLast(new Waiting(message, clock.instant()));
                drain(reports);
                if (queue.size() > limits.queueCapacity()) {
                    reports.add(new Report(queue.pollLast().message(), NotSentReason.QUEUE_FULL));
                }
                scheduleWakeUp();
            }
            notSent += reports.size();
        }
        report(reports);
    }

    /** The bot learnt whether it is broadcaster or moderator in the channel, which raises or lowers the limit. */
    public void elevated(boolean isElevated) {
        synchronized (this) {
            if (elevated == isElevated) {
                return;
            }
            elevated = isElevated;
        }
        wake();
    }

    /** Tries the queue again, for example once the connection is back. */
    public void wake() {
        List<Report> reports = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            drain(reports);
            scheduleWakeUp();
            notSent += reports.size();
        }
        report(reports);
    }

    public synchronized long sent() {
        return sent;
    }

    public synchronized long notSent() {
        return notSent;
    }

    public synchronized int waiting() {
        return queue.size();
    }

    /** Reports everything still waiting as not sent; later submits are reported at once. */
    @Override
    public void close() {
        List<Report> reports = new ArrayList<>();
        synchronized (this) {
            closed = true;
            cancelWakeUp();
            for (Waiting waiting : queue) {
                reports.add(new Report(waiting.message(), NotSentReason.STOPPED));
            }
            queue.clear();
            notSent += reports.size();
        }
        report(reports);
    }

    private void drain(List<Report> reports) {
        Instant now = clock.instant();
        // Kept while t + window >= now: a message exactly one window later would share a closed window with t.
        while (!sentAt.isEmpty() && sentAt.peekFirst().plus(limits.window()).isBefore(now)) {
            sentAt.pollFirst();
        }
        while (!queue.isEmpty() && Duration.between(queue.peekFirst().since(), now).compareTo(limits.maxWait()) > 0) {
            reports.add(new Report(queue.pollFirst().message(), NotSentReason.WAITED_TOO_LONG));
        }
        while (!queue.isEmpty() && sentAt.size() < limit()) {
            if (!transport.test(queue.peekFirst().message())) {
                return;
            }
            queue.pollFirst();
            sentAt.addLast(now);
            sent++;
        }
    }

    private int limit() {
        return elevated ? limits.perWindowElevated() : limits.perWindow();
    }

    /** Wakes when the oldest send leaves the window, or when the oldest waiting message would be too old. */
    private void scheduleWakeUp() {
        cancelWakeUp();
        if (queue.isEmpty()) {
            return;
        }
        Instant expiry = queue.peekFirst().since().plus(limits.maxWait()).plusMillis(1);
        Instant next = expiry;
        if (sentAt.size() >= limit()) {
            Instant room = sentAt.peekFirst().plus(limits.window()).plusMillis(1);
            next = room.isBefore(expiry) ? room : expiry;
        }
        Duration delay = Duration.between(clock.instant(), next);
        wakeUp = scheduler.schedule(this::wake, delay.isNegative() ? Duration.ZERO : delay);
    }

    private void cancelWakeUp() {
        if (wakeUp != null) {
            wakeUp.cancel();
            wakeUp = null;
        }
    }

    private void report(List<Report> reports) {
        for (Report report : reports) {
            listener.notSent(report.message(), report.reason());
        }
    }
}
