package com.gametriggers.companion.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/** A clock and scheduler that move only when a test calls {@link #advance}: waits of 30 s take no time. */
final class ManualTime extends Clock implements ChatScheduler {

    private static final class Task {
        final Instant due;
        final long order;
        final Runnable work;
        volatile boolean cancelled;

        Task(Instant due, long order, Runnable work) {
            this.due = due;
            this.order = order;
            this.work = work;
        }
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due.equals(b.due)
            ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private Instant now = Instant.parse("2025-01-01T12:00:00Z");
    private long scheduled;

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Cancellable schedule(Runnable work, Duration delay) {
        Task task = new Task(now.plus(delay), scheduled++, work);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** How many tasks were ever scheduled: lets a test wait until another thread has set its timer. */
    synchronized long scheduledSoFar() {
        return scheduled;
    }

    /** How many scheduled tasks are still to run: timers left behind would pile up over a long stream. */
    synchronized long pending() {
        return tasks.stream().filter(task -> !task.cancelled).count();
    }

    /** Moves time forward, running each task that falls due at its own moment, on the calling thread. */
    void advance(Duration by) {
        Instant target;
        synchronized (this) {
            target = now.plus(by);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                tasks.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            if (!next.cancelled) {
                next.work.run();
            }
        }
    }
}
