package com.gametriggers.companion.twitch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a live stream with sponsors on rotation discloses them, as sponsors and the law ask: Twitch's
 * branded-content label is on, or the title carries a disclosure tag such as {@code #ad}. It rides on the stream
 * status poller's thread and polls (it is one of its listeners), so it needs no timer of its own: the channel is read
 * at the first poll of each stream that finds sponsors on rotation, then every {@link #READ_EVERY} while they stay,
 * because a streamer may change the title mid-stream. That costs Twitch's rate limit one point per read.
 */
public final class DisclosureCheck implements StreamListener {

    /** What Modify Channel Information needs; the sign-in asks for it. */
    public static final String SCOPE = "channel:manage:broadcast";
    public static final List<String> DEFAULT_TAGS = List.of("#ad", "#sponsored");
    /** A title changed mid-stream is noticed within this; a read a poll would cost Twitch's budget for nothing. */
    public static final Duration READ_EVERY = Duration.ofMinutes(10);
    public static final String TURNED_ON = "Twitch's branded-content label is on; your sponsors are disclosed.";

    private static final Logger log = LoggerFactory.getLogger(DisclosureCheck.class);

    private final HelixClient helix;
    private final TokenSource tokens;
    private final BooleanSupplier sponsorsOnRotation;
    private final Supplier<List<String>> tags;
    private final Duration every;

    /* Only the poller's thread touches these. */
    private Instant streamSeen;
    private Instant lastRead;
    private boolean warned;

    private volatile Optional<DisclosureWarning> warning = Optional.empty();

    /**
     * @param tokens             whose channel is checked, and whether the sign-in allows changing its label
     * @param sponsorsOnRotation whether any sponsor may be shown now; with none there is nothing to disclose
     * @param tags               the title tags that count as disclosure, asked at each read so a changed setting holds
     */
    public DisclosureCheck(HelixClient helix, TokenSource tokens, BooleanSupplier sponsorsOnRotation,
                           Supplier<List<String>> tags, Duration every) {
        this.helix = helix;
        this.tokens = tokens;
        this.sponsorsOnRotation = sponsorsOnRotation;
        this.tags = tags;
        this.every = every;
    }

    /** Whether {@code title} carries one of {@code tags} as a tag of its own: {@code #ad} counts, {@code #adventure} not. */
    public static boolean tagged(String title, List<String> tags) {
        return tags.stream().filter(tag -> !tag.isBlank()).anyMatch(tag -> Pattern.compile(
                "(?<![\\p{L}\\p{N}_])" + Pattern.quote(tag.strip()) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(title).find());
    }

    /** The warning for the stream on now, empty while it discloses its sponsors, has none, or is offline. */
    public Optional<DisclosureWarning> warning() {
        return warning;
    }

    @Override
    public void wentLive() {
        streamSeen = null;
        lastRead = null;
        warned = false;
    }

    @Override
    public void wentOffline() {
        warning = Optional.empty();
    }

    @Override
    public void viewerSample(long viewers, Instant at) {
        if (streamSeen == null) {
            streamSeen = at;
        }
        if (!sponsorsOnRotation.getAsBoolean()) {
            warning = Optional.empty();
            lastRead = null;
            return;
        }
        if (lastRead != null && at.isBefore(lastRead.plus(every))) {
            return;
        }
        try {
            ChannelInfo channel = helix.getChannel(tokens.current().userId());
            lastRead = at;
            judge(channel);
        } catch (TwitchException e) {
            // Read again at the next poll; the stream status says already when Twitch is away.
            log.debug("The channel information could not be read: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void judge(ChannelInfo channel) {
        List<String> disclosing = tags.get();
        if (channel.brandedContent() || tagged(channel.title(), disclosing)) {
            warning = Optional.empty();
            return;
        }
        warning = Optional.of(new DisclosureWarning(streamSeen, "Your stream shows sponsors but does not disclose "
                + "them: turn on Twitch's branded-content label, or put " + String.join(" or ", disclosing)
                + " in the stream title."));
        if (!warned) {
            warned = true;
            log.warn("The live stream shows sponsors without disclosing them (no branded-content label, no {} in the "
                    + "title)", String.join(" or ", disclosing));
        }
    }

    /**
     * Turns Twitch's branded-content label on for the channel: one sentence saying it is on, or why not. A sign-in
     * from before the app asked for {@link #SCOPE} is not sent to Twitch: it could only be refused.
     */
    public String turnOnBrandedContent() {
        TwitchToken token = tokens.current();
        if (!token.scopes().contains(SCOPE)) {
            return MissingScopeException.MESSAGE;
        }
        try {
            helix.turnOnBrandedContent(token.userId());
            warning = Optional.empty();
            log.info("Turned on Twitch's branded-content label for {}", token.login());
            return TURNED_ON;
        } catch (TwitchException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The app is stopping; the branded-content label was not changed.";
        }
    }
}
