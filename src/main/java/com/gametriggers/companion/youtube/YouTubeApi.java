package com.gametriggers.companion.youtube;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.gametriggers.companion.youtube.YouTubeException.Kind;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The YouTube Data API v3, the part the app needs: the streamer's live broadcast, its viewer count, reading its live
 * chat and posting to it. Every request sent is charged to the {@link QuotaBudget} (Google charges failed ones too).
 * A 401 is sent once more with the token {@link YouTubeTokens} renews; Google's error reasons become
 * {@link YouTubeException}s of one sentence, never holding the token.
 */
public final class YouTubeApi {

    public static final HttpUrl DEFAULT_BASE_URL = HttpUrl.get("https://www.googleapis.com/youtube/v3/");
    /** The most liveChatMessages.list allows; fewer pages mean fewer calls at 5 units each. */
    static final int MAX_RESULTS = 2000;
    /** Used when a chat page names no interval; YouTube's own answers are usually a few seconds. */
    static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofSeconds(5);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final YouTubeTokens tokens;
    private final QuotaBudget budget;

    public YouTubeApi(OkHttpClient http, HttpUrl baseUrl, YouTubeTokens tokens, QuotaBudget budget) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.budget = budget;
    }

    /**
     * The streamer's broadcast that is live now, if any. {@code mine} and {@code broadcastStatus} cannot be combined,
     * so all of the streamer's broadcasts are asked for and the live one picked here.
     */
    public Optional<LiveBroadcast> activeBroadcast() throws YouTubeException {
        HttpUrl url = url("liveBroadcasts").addQueryParameter("part", "snippet,status")
                .addQueryParameter("mine", "true").addQueryParameter("broadcastType", "all")
                .addQueryParameter("maxResults", "50").build();
        JsonObject body = send(url, null, YouTubeCall.BROADCASTS, "your live broadcast");
        for (JsonObject item : items(body)) {
            String chatId = GoogleJson.string(item, "snippet", "liveChatId");
            String id = GoogleJson.string(item, "id");
            if ("live".equals(GoogleJson.string(item, "status", "lifeCycleStatus")) && id != null) {
                return Optional.of(new LiveBroadcast(id, chatId));
            }
        }
        return Optional.empty();
    }

    /** The broadcast's viewer count and live chat, from videos.list (1 unit). */
    public LiveDetails liveDetails(String videoId) throws YouTubeException {
        HttpUrl url = url("videos").addQueryParameter("part", "liveStreamingDetails")
                .addQueryParameter("id", videoId).build();
        List<JsonObject> items = items(send(url, null, YouTubeCall.VIDEOS, "the viewer count"));
        JsonObject details = items.isEmpty() ? null : GoogleJson.object(items.get(0), "liveStreamingDetails");
        OptionalLong viewers = OptionalLong.empty();
        String count = GoogleJson.string(details, "concurrentViewers");
        if (count != null) {
            try {
                viewers = OptionalLong.of(Long.parseLong(count.trim()));
            } catch (NumberFormatException e) {
                throw new YouTubeException(Kind.OTHER, "YouTube's viewer count could not be read", e);
            }
        }
        return new LiveDetails(viewers, Optional.ofNullable(GoogleJson.string(details, "activeLiveChatId")),
                GoogleJson.string(details, "actualEndTime") != null);
    }

    /** One page of the live chat, from the start ({@code pageToken} null) or after the page that gave the token. */
    public ChatPage chatPage(String liveChatId, String pageToken) throws YouTubeException {
        HttpUrl.Builder url = url("liveChat/messages").addQueryParameter("liveChatId", liveChatId)
                .addQueryParameter("part", "id,snippet,authorDetails")
                .addQueryParameter("maxResults", String.valueOf(MAX_RESULTS));
        if (pageToken != null) {
            url.addQueryParameter("pageToken", pageToken);
        }
        JsonObject body = send(url.build(), null, YouTubeCall.CHAT_LIST, "the live chat");
        List<YouTubeChatMessage> messages = new ArrayList<>();
        boolean ended = false;
        try {
            for (JsonObject item : items(body)) {
                String type = GoogleJson.string(item, "snippet", "type");
                ended |= "chatEndedEvent".equals(type);
                if ("textMessageEvent".equals(type)) {
                    messages.add(message(item));
                }
            }
            String interval = GoogleJson.string(body, "pollingIntervalMillis");
            String offlineAt = GoogleJson.string(body, "offlineAt");
            return new ChatPage(messages, GoogleJson.string(body, "nextPageToken"),
                    interval == null ? DEFAULT_POLLING_INTERVAL : Duration.ofMillis(Long.parseLong(interval)),
                    Optional.ofNullable(offlineAt).map(Instant::parse), ended);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new YouTubeException(Kind.OTHER, "YouTube's live chat could not be read", e);
        }
    }

    /** Posts {@code text} to the live chat as the signed-in streamer (liveChatMessages.insert, 20 units). */
    public void insert(String liveChatId, String text) throws YouTubeException {
        JsonObject details = new JsonObject();
        details.addProperty("messageText", text);
        JsonObject snippet = new JsonObject();
        snippet.addProperty("liveChatId", liveChatId);
        snippet.addProperty("type", "textMessageEvent");
        snippet.add("textMessageDetails", details);
        JsonObject message = new JsonObject();
        message.add("snippet", snippet);
        send(url("liveChat/messages").addQueryParameter("part", "snippet").build(),
                RequestBody.create(message.toString(), JSON), YouTubeCall.CHAT_INSERT, "the chat answer");
    }

    private HttpUrl.Builder url(String path) {
        return baseUrl.newBuilder().addPathSegments(path);
    }

    /** GETs {@code url}, or POSTs {@code body} to it; the answer's JSON, after one retry with a renewed token on 401. */
    private JsonObject send(HttpUrl url, RequestBody body, YouTubeCall call, String what) throws YouTubeException {
        String accessToken = tokens.accessToken();
        boolean renewed = false;
        while (true) {
            Request.Builder request = new Request.Builder().url(url).header("Authorization", "Bearer " + accessToken);
            budget.spend(call);
            try (Response response = http.newCall(body == null ? request.get().build() : request.post(body).build())
                    .execute()) {
                JsonObject json = GoogleJson.body(response);
                if (response.isSuccessful()) {
                    return json;
                }
                if (response.code() == 401 && !renewed) {
                    renewed = true;
                    accessToken = tokens.renewAfter(accessToken);
                    continue;
                }
                throw failure(response.code(), json, what);
            } catch (IOException e) {
                throw new YouTubeException(Kind.OTHER, "YouTube could not be reached for " + what, e);
            }
        }
    }

    private YouTubeException failure(int code, JsonObject json, String what) {
        JsonObject error = GoogleJson.object(json, "error");
        JsonElement errors = error == null ? null : error.get("errors");
        String reason = errors != null && errors.isJsonArray() && !errors.getAsJsonArray().isEmpty()
                && errors.getAsJsonArray().get(0).isJsonObject()
                ? GoogleJson.string(errors.getAsJsonArray().get(0).getAsJsonObject(), "reason") : null;
        if (code == 401) {
            return new YouTubeException(Kind.SIGN_IN_EXPIRED, "Your YouTube sign-in expired; sign in again");
        }
        if (reason == null) {
            return new YouTubeException(Kind.OTHER, "YouTube answered HTTP " + code + " for " + what);
        }
        switch (reason) {
            case "quotaExceeded", "dailyLimitExceeded" -> {
                budget.exhausted();
                return new YouTubeException(Kind.QUOTA_EXCEEDED, "YouTube's daily quota for the app is used up; "
                        + "YouTube chat resumes after midnight Pacific time");
            }
            case "liveChatEnded" -> {
                return new YouTubeException(Kind.CHAT_ENDED, "The YouTube live chat has ended");
            }
            case "liveChatDisabled" -> {
                return new YouTubeException(Kind.CHAT_ENDED, "Live chat is turned off for this YouTube broadcast");
            }
            case "liveChatNotFound" -> {
                return new YouTubeException(Kind.CHAT_ENDED, "YouTube no longer finds this broadcast's live chat");
            }
            case "forbidden" -> {
                return new YouTubeException(Kind.CHAT_ENDED, "YouTube does not let this account use the live chat");
            }
            case "rateLimitExceeded", "userRateLimitExceeded" -> {
                return new YouTubeException(Kind.RATE_LIMITED, "YouTube asks the app to slow down for " + what);
            }
            default -> {
                return new YouTubeException(Kind.OTHER, "YouTube refused " + what + " (" + reason + ")");
            }
        }
    }

    private static List<JsonObject> items(JsonObject body) {
        List<JsonObject> items = new ArrayList<>();
        JsonElement array = body.get("items");
        if (array != null && array.isJsonArray()) {
            for (JsonElement item : (JsonArray) array) {
                if (item.isJsonObject()) {
                    items.add(item.getAsJsonObject());
                }
            }
        }
        return items;
    }

    private static YouTubeChatMessage message(JsonObject item) {
        String text = GoogleJson.string(item, "snippet", "textMessageDetails", "messageText");
        String published = GoogleJson.string(item, "snippet", "publishedAt");
        return new YouTubeChatMessage(GoogleJson.string(item, "id"),
                GoogleJson.string(item, "authorDetails", "channelId"),
                GoogleJson.string(item, "authorDetails", "displayName"),
                text != null ? text : GoogleJson.string(item, "snippet", "displayMessage"),
                published == null ? null : Instant.parse(published),
                "true".equals(GoogleJson.string(item, "authorDetails", "isChatOwner")));
    }
}
