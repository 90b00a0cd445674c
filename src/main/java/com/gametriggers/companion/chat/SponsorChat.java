package com.gametriggers.companion.chat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot does in one live chat, whatever the platform: when a viewer's message starts with a sponsor's chat
 * command (matched without case) it answers in that chat with the sponsor's tracking link and tells the
 * {@link ChatClickSink}, which counts a chat click; it announces the sponsor that comes on screen unless it spoke
 * within the last lines; and it posts only through a {@link ChatRateLimiter} with the platform's limits. The
 * platform's transport, a {@link ChatChannel}, hands it each message it reads.
 *
 * <p>Each chat has its own instance, so with a stream on Twitch and YouTube at once each answers on its own chat,
 * within its own limits, and counts its clicks as its own platform's.
 *
 * <p>Commands are read from the supplier at each message, so a command the streamer adds works at once.
 */
public final class SponsorChat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SponsorChat.class);

    private final ChatChannel channel;
    private final int announceEveryLines;
    private final Supplier<List<ChatCommand>> commands;
    private final ChatClickSink clicks;
    private final ChatRateLimiter limiter;
    private final OncePerKind notCounted = new OncePerKind();
    private final OncePerKind notSentLogged = new OncePerKind();
    private final AtomicLong linesSinceLastPost = new AtomicLong();

    /**
     * @param announceEveryLines how many chat lines must pass after the bot's last post before an announcement
     * @param limits             the platform's send limit
     * @param clock              for the send limit
     * @param scheduler          for the send limit's wake-ups
     */
    public SponsorChat(ChatChannel channel, int announceEveryLines, ChatRateLimiter.Limits limits,
                       Supplier<List<ChatCommand>> commands, ChatClickSink clicks, Clock clock,
                       ChatScheduler scheduler) {
        if (announceEveryLines < 0) {
            throw new IllegalArgumentException("announceEveryLines must not be negative");
        }
        this.channel = channel;
        this.announceEveryLines = announceEveryLines;
        this.commands = commands;
        this.clicks = clicks;
        this.limiter = new ChatRateLimiter(limits, clock, scheduler, channel::send, this::notSent);
    }

    public ChatPlatform platform() {
        return channel.platform();
    }

    /** A message the channel read: answered and counted if it is a sponsor's command. */
    public void received(ChatMessage message) {
        if (message.fromBot()) {
            return;
        }
        linesSinceLastPost.incrementAndGet();
        String firstWord = message.text().strip().split("\\s+", 2)[0];
        Optional<ChatCommand> used = commands.get().stream()
                .filter(command -> command.command().equalsIgnoreCase(firstWord))
                .findFirst();
        if (used.isEmpty()) {
            return;
        }
        ChatCommand command = used.get();
        linesSinceLastPost.set(0);
        limiter.submit(ChatLines.answer(message.displayName(), command));

        if (message.messageId() == null || message.viewerId() == null) {
            // Without the platform's ids the click could neither be deduplicated nor guarded, so it is not counted.
            if (notCounted.firstTime("chat command without message or viewer id")) {
                log.warn("A {} chat command came without a message id or viewer id and is not counted as a click",
                        platform().displayName());
            }
            return;
        }
        try {
            clicks.chatCommandUsed(new ChatClick(platform(), command.participationId(), message.messageId(),
                    message.viewerId(), message.sentAt()));
        } catch (RuntimeException e) {
            log.error("Counting the {} chat click for {} failed", platform().displayName(), command.participationId(),
                    e);
        }
    }

    /**
     * Posts the sponsor that is on screen now, unless the bot posted within the last {@code announceEveryLines} chat
     * lines: a quiet chat should not fill up with the bot's links.
     *
     * @return whether it was posted (queued for the send limit)
     */
    public boolean announce(ChatCommand command) {
        long lines = linesSinceLastPost.get();
        if (lines < announceEveryLines || !linesSinceLastPost.compareAndSet(lines, 0)) {
            return false;
        }
        limiter.submit(ChatLines.announcement(command));
        return true;
    }

    /** The channel can send again (logged in, back online): what waited for it goes now, within the limit. */
    public void canSendAgain() {
        limiter.wake();
    }

    /** The bot is broadcaster or moderator in the chat, which raises the send limit on platforms that have two. */
    public void elevated(boolean isElevated) {
        limiter.elevated(isElevated);
    }

    /** Chat messages the bot posted (answers and announcements). */
    public long sent() {
        return limiter.sent();
    }

    /** Chat messages it had to give up (queue full, waited too long, stopped). */
    public long notSent() {
        return limiter.notSent();
    }

    /** Messages still waiting for the send limit or the channel are counted as not sent. */
    @Override
    public void close() {
        limiter.close();
    }

    private void notSent(String message, ChatRateLimiter.NotSentReason reason) {
        if (notSentLogged.firstTime(reason.name())) {
            log.warn("A {} chat message could not be sent ({}); the chat bot's status counts every such message",
                    platform().displayName(), reason);
        }
    }
}
