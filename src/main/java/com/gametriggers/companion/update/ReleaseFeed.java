package com.gametriggers.companion.update;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads the latest release from a feed in the shape of GitHub's "latest release" answer
 * ({@code GET /repos/OWNER/REPO/releases/latest}): {@code tag_name}, {@code html_url} and {@code name}; anything else
 * in it is ignored.
 */
public final class ReleaseFeed {

    /** A release feed is a few kilobytes; more is not one. */
    private static final int MAX_BYTES = 1 << 20;

    private final OkHttpClient http;
    private final URI url;
    private final Duration timeout;

    /**
     * @param http    the app's HTTP client
     * @param timeout for the whole exchange; a feed slower than that is treated as down
     */
    public ReleaseFeed(OkHttpClient http, URI url, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** @throws IOException in one sentence, for a feed that is down, too slow, or answers something else */
    public Release latest() throws IOException {
        Request request = new Request.Builder().url(url.toString())
                .header("Accept", "application/vnd.github+json, application/json").build();
        Call call = http.newCall(request);
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int code;
        byte[] body;
        try (Response response = call.execute()) {
            code = response.code();
            body = response.isSuccessful() ? response.body().byteStream().readNBytes(MAX_BYTES + 1) : null;
        } catch (IOException e) {
            throw new IOException("The release feed " + url + " could not be read (" + describe(e) + ")", e);
        }
        if (body == null) {
            throw new IOException("The release feed " + url + " answered HTTP " + code);
        }
        if (body.length > MAX_BYTES) {
            throw malformed("larger than " + MAX_BYTES + " bytes");
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    private Release parse(String json) throws IOException {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject()) {
                throw malformed("not a JSON object");
            }
            JsonObject release = root.getAsJsonObject();
            String tag = text(release, "tag_name");
            Version version = Version.parse(tag).orElseThrow(() -> malformed("tag_name " + tag + " is no version"));
            URI page = new URI(text(release, "html_url"));
            if (!"https".equals(page.getScheme()) && !"http".equals(page.getScheme())) {
                throw malformed("html_url is no web address");
            }
            String name = release.has("name") && release.get("name").isJsonPrimitive()
                    ? release.get("name").getAsString().strip() : "";
            return new Release(version, page, name.isEmpty() ? tag : name);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw malformed("not JSON");
        } catch (URISyntaxException e) {
            throw malformed("html_url is no web address");
        }
    }

    private String text(JsonObject object, String key) throws IOException {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
            throw malformed("no " + key);
        }
        return value.getAsString().strip();
    }

    private IOException malformed(String what) {
        return new IOException("The release feed " + url + " is not a release (" + what + ")");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName().toLowerCase(Locale.ROOT) : message;
    }
}
