package com.gametriggers.companion.overlay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Listens to an overlay's event stream next to the page, as a second client of the same channel: the tests learn
 * from it which showings the server made and when, without asking the page.
 */
public final class ShowWatcher implements AutoCloseable {

    public record Seen(String event, JsonObject data, long atNanos) {
        public String ticket() {
            return data.has("ticket") ? data.get("ticket").getAsString() : null;
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Consumer<Seen>> listeners = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile InputStream body;
    private volatile boolean closed;

    private ShowWatcher(String eventsUrl) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(eventsUrl)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("The event stream answered " + response.statusCode());
        }
        body = response.body();
        reader = new Thread(this::read, "show-watcher");
        reader.setDaemon(true);
        reader.start();
    }

    public static ShowWatcher open(String baseUrl, String key) throws IOException, InterruptedException {
        return new ShowWatcher(baseUrl + "events/" + key);
    }

    /** Called on the reader thread as each event arrives, so a test can act within milliseconds of it. */
    public void onEvent(Consumer<Seen> listener) {
        listeners.add(listener);
    }

    /** Every show and hide so far, in the order they came. */
    public List<Seen> events() {
        return List.copyOf(seen);
    }

    public List<Seen> shows() {
        return seen.stream().filter(s -> s.event().equals("show")).toList();
    }

    long hides() {
        return seen.stream().filter(s -> s.event().equals("hide")).count();
    }

    /** The distinct showings: a reconnecting client is sent the current one again, this one is not. */
    public List<String> tickets() {
        return shows().stream().map(Seen::ticket).distinct().toList();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        Seen s = new Seen(event, JsonParser.parseString(data.toString()).getAsJsonObject(), System.nanoTime());
                        seen.add(s);
                        listeners.forEach(listener -> listener.accept(s));
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("show-watcher stopped: " + e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        reader.interrupt();
    }
}
