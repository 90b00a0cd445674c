package com.gametriggers.companion.twitch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import com.gametriggers.companion.concurrent.Sleeper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Twitch's Helix API, the part the app needs: whether a channel is live and its viewer count, and the channel's
 * title and branded-content label, which the disclosure check reads and can turn on. It keeps to Twitch's
 * rate limit: when a response says the bucket is empty ({@code Ratelimit-Remaining: 0}) or Twitch answers 429, the
 * next request waits until {@code Ratelimit-Reset}, and a 429 is retried once after that wait. A 401 means the user
 * token expired: the request is sent once more with the token the {@link TokenSource} renews.
 */
public final class HelixClient {

    private static final Logger log = LoggerFactory.getLogger(HelixClient.class);
    /**
     * Twitch's bucket refills within a minute, so a reset further away means the clocks disagree; waiting longer
     * than this would only stall the app.
     */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final TwitchSettings settings;
    private final TokenSource tokens;
    private final Clock clock;
    private final Sleeper sleeper;

    /** When the rate-limit bucket refills, if the last response said it was empty; null while there is budget. */
    private Instant emptyUntil;

    /** {@code tokens} is asked on every request, so a token renewed elsewhere is picked up. */
    public HelixClient(OkHttpClient http, TwitchSettings settings, TokenSource tokens, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The channel's stream status. Synchronized so callers share one view of the rate-limit budget; a caller may
     * wait up to a minute for it to refill.
     *
     * @throws SignInExpiredException when Twitch accepts neither the token nor a renewed one
     * @throws TwitchException when Twitch cannot be reached, keeps answering 429, or answers an error
     */
    public synchronized StreamStatus getStream(String login) throws TwitchException, InterruptedException {
        return streamStatus(send(accessToken -> helixRequest(
                settings.helixUrl("streams").newBuilder().addQueryParameter("user_login", login).build(), accessToken)
                .get().build(), "the stream status"));
    }

    /**
     * The channel's title and whether Twitch's branded-content label is on (Get Channel Information); the same
     * budget and renewal rules as {@link #getStream}.
     */
    public synchronized ChannelInfo getChannel(String broadcasterId) throws TwitchException, InterruptedException {
        return channelInfo(send(accessToken -> helixRequest(channelUrl(broadcasterId), accessToken).get().build(),
                "the channel information"));
    }

    /**
     * Turns Twitch's branded-content label on (Modify Channel Information), which needs the
     * {@code channel:manage:broadcast} scope.
     *
     * @throws MissingScopeException when the sign-in was made before the app asked for that scope
     */
    public synchronized void turnOnBrandedContent(String broadcasterId) throws TwitchException, InterruptedException {
        RequestBody body = RequestBody.create("{\"is_branded_content\":true}", JSON);
        send(accessToken -> helixRequest(channelUrl(broadcasterId), accessToken).patch(body).build(),
                "the branded-content label");
    }

    /**
     * Sends the request {@code request} builds for the token of the moment, waiting for the rate-limit budget,
     * retrying a 429 once and a 401 once with a renewed token; the successful answer's body.
     */
    private JsonObject send(Function<String, Request> request, String what)
            throws TwitchException, InterruptedException {
        boolean rateLimited = false;
        boolean renewed = false;
        while (true) {
            waitForBudget();
            String accessToken = tokens.current().accessToken();
            try (Response response = http.newCall(request.apply(accessToken)).execute()) {
                rememberBudget(response);
                if (response.code() == 429) {
                    if (rateLimited) {
                        throw new TwitchException("Twitch is limiting requests; " + what + " will be asked again later");
                    }
                    rateLimited = true;
                    continue;
                }
                if (response.code() == 401) {
                    // A missing scope stays missing with a renewed token: only a new sign-in grants it.
                    String message = Json.string(Json.body(response), "message");
                    if (message != null && message.toLowerCase(Locale.ROOT).startsWith("missing scope")) {
                        throw new MissingScopeException();
                    }
                    if (renewed) {
                        throw new SignInExpiredException();
                    }
                    renewed = true;
                    tokens.renewAfter(accessToken);
                    continue;
                }
                if (!response.isSuccessful()) {
                    throw new TwitchException("Twitch answered HTTP " + response.code() + " for " + what);
                }
                return Json.body(response);
            } catch (IOException e) {
                throw new TwitchException("Twitch could not be reached: " + e.getMessage(), e);
            }
        }
    }

    private HttpUrl channelUrl(String broadcasterId) {
        return settings.helixUrl("channels").newBuilder().addQueryParameter("broadcaster_id", broadcasterId).build();
    }

    private Request.Builder helixRequest(HttpUrl url, String accessToken) {
        return new Request.Builder().url(url)
                .header("Authorization", "Bearer " + accessToken)
                .header("Client-Id", settings.clientId());
    }

    private void waitForBudget() throws InterruptedException {
        if (emptyUntil == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), emptyUntil);
        emptyUntil = null;
        if (wait.compareTo(Duration.ZERO) > 0) {
            log.debug("Waiting {} ms for Twitch's rate limit to reset", wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    private void rememberBudget(Response response) {
        boolean empty = response.code() == 429 || "0".equals(response.header("Ratelimit-Remaining"));
        if (!empty) {
            return;
        }
        Instant latest = clock.instant().plus(LONGEST_WAIT);
        Instant reset = resetTime(response.header("Ratelimit-Reset"));
        emptyUntil = reset == null || reset.isAfter(latest) ? latest : reset;
    }

    private static Instant resetTime(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ChannelInfo channelInfo(JsonObject body) throws TwitchException {
        JsonElement data = body.get("data");
        if (data == null || !data.isJsonArray() || data.getAsJsonArray().isEmpty()
                || !data.getAsJsonArray().get(0).isJsonObject()) {
            throw new TwitchException("Twitch's channel information could not be read");
        }
        JsonObject channel = data.getAsJsonArray().get(0).getAsJsonObject();
        JsonElement branded = channel.get("is_branded_content");
        return new ChannelInfo(Objects.toString(Json.string(channel, "title"), ""),
                branded != null && branded.isJsonPrimitive() && branded.getAsBoolean());
    }

    /** Twitch leaves channels that are not live out of {@code data}. */
    private static StreamStatus streamStatus(JsonObject body) throws TwitchException {
        JsonElement data = body.get("data");
        if (data == null || !data.isJsonArray() || data.getAsJsonArray().isEmpty()) {
            return StreamStatus.offline();
        }
        try {
            JsonObject stream = data.getAsJsonArray().get(0).getAsJsonObject();
            String startedAt = Json.string(stream, "started_at");
            return new StreamStatus(true, Json.number(stream, "viewer_count", 0),
                    startedAt == null ? null : Instant.parse(startedAt));
        } catch (IllegalStateException | DateTimeParseException e) {
            throw new TwitchException("Twitch's stream status could not be read", e);
        }
    }
}
