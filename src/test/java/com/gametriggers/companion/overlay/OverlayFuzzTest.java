package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.gametriggers.companion.links.TrackingLinks;

/**
 * Thousands of random requests, from plausible to garbage, straight onto the socket: the server never answers with
 * a 5xx, never shows a stack trace, and still answers normally afterwards.
 */
class OverlayFuzzTest {

    private static final int REQUESTS = 3_000;
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})");
    /**
     * The one 5xx allowed: the JDK server answers a transfer coding it does not know with 501 before any handler
     * runs, as RFC 9112 section 6.1 asks ("501 (Not Implemented)"); it is the client's request that is unusable.
     */
    private static final Pattern UNKNOWN_TRANSFER_CODING = Pattern.compile("(?im)^Transfer-Encoding: (?!chunked\\r?$)");
    private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE",
            "CONNECT", "get", "G ET", "", "BREW", "GET\u0000"};
    private static final String[] PATHS = {"/", "/health", "/beacon", "/overlay/", "/rotation/", "/events/", "/qr/",
            "/t/", "/assets/", "/assets/overlay.js", "/assets/demo/", "/..", "/%2e%2e/", "//", "/overlay/%00",
            "*", "http://evil.example/", "/t/AAAAAAAAAAAA?src=qr", "/qr/x.png?size=99999"};
    private static final String[] HEADER_NAMES = {"Host", "Origin", "Content-Type", "Content-Length",
            "Transfer-Encoding", "Connection", "X-Forwarded-For", "Cookie", "Referer", "Range", "Expect"};

    @TempDir
    Path dir;

    /** Both listeners: the overlay's, and the tracking links' that a tunnel exposes to anyone. */
    @ParameterizedTest
    @ValueSource(strings = {"overlay", "links"})
    void randomRequestsNeverGetA5xxAndTheServerKeepsAnswering(String listener) throws Exception {
        try (OverlayHarness harness = new OverlayHarness(dir, Optional.empty())) {
            long seed = System.nanoTime();
            SplittableRandom random = new SplittableRandom(seed);
            URI base = URI.create(listener.equals("overlay") ? harness.server.baseUrl() : harness.links.baseUrl());
            InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
            String token = harness.sponsor.browserSourceToken();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = random.nextInt(10) == 0 ? garbage(random) : plausible(random, base.getPort(), token);
                String answer = send(address, request);
                Matcher status = STATUS.matcher(answer);
                if (status.lookingAt()) {
                    int code = Integer.parseInt(status.group(1));
                    String sent = new String(request, StandardCharsets.ISO_8859_1);
                    if (!(code == 501 && UNKNOWN_TRANSFER_CODING.matcher(sent).find())) {
                        assertThat(code).as("seed %d, request %d:%n%s", seed, i, sent).isLessThan(500);
                    }
                    answers.add(status.group(1));
                }
                // The JDK server's own 400 page may name the parse error ("NumberFormatException thrown"), but no trace.
                assertThat(answer).as("seed %d", seed).doesNotContainPattern("\\bat [a-z]+\\.[a-zA-Z.$]+\\(")
                        .doesNotContain("com.gametriggers");
            }

            assertThat(answers).as("most requests got an answer").hasSizeGreaterThan(REQUESTS / 2);
            String health = send(address, ("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            if (listener.equals("overlay")) {
                assertThat(health).startsWith("HTTP/1.1 200").contains("\"status\":\"ok\"");
            } else {
                assertThat(health).as("the links listener serves nothing but links").startsWith("HTTP/1.1 404");
                String link = send(address, ("GET /t/" + TrackingLinks.code(token) + "?src=qr HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(link).as("and still answers them").matches("(?s)HTTP/1.1 (302|429) .*");
            }
            assertThat(harness.reload().browserSourceToken()).isEqualTo(token);
        }
    }

    private static byte[] plausible(SplittableRandom random, int port, String token) {
        StringBuilder path = new StringBuilder(PATHS[random.nextInt(PATHS.length)]);
        if (random.nextBoolean()) {
            path.append(random.nextBoolean() ? token : randomText(random, random.nextInt(80)));
        }
        StringBuilder request = new StringBuilder()
                .append(METHODS[random.nextInt(METHODS.length)]).append(' ').append(path)
                .append(random.nextInt(8) == 0 ? " HTTP/9.9" : " HTTP/1.1").append("\r\n");
        request.append("Host: ").append(random.nextInt(4) == 0 ? "evil.example" : "127.0.0.1:" + port).append("\r\n");
        int headers = random.nextInt(6);
        for (int h = 0; h < headers; h++) {
            request.append(HEADER_NAMES[random.nextInt(HEADER_NAMES.length)]).append(": ")
                    .append(randomText(random, random.nextInt(60))).append("\r\n");
        }
        String body = random.nextBoolean() ? "" : switch (random.nextInt(4)) {
            case 0 -> "{\"ticket\":\"" + randomText(random, 40) + "\"}";
            case 1 -> "{\"ticket\":" + random.nextInt() + "}";
            case 2 -> "x".repeat(random.nextInt(10_000));
            default -> randomText(random, 200);
        };
        if (!body.isEmpty()) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length()).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n").append(body);
        return request.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] garbage(SplittableRandom random) {
        byte[] bytes = new byte[1 + random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String randomText(SplittableRandom random, int length) {
        String alphabet = "abcXYZ019-_./%?&=:;{}[]\"'<> \u00e9\u0000\\";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Sends the bytes and reads the answer until the server closes or goes quiet; "" when it just hangs up. */
    private static String send(InetSocketAddress address, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                return ""; // the server closed on us mid-request: no answer, and no 5xx
            }
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[64 * 1024];
            int length = 0;
            try {
                for (int read; length < answer.length && (read = in.read(answer, length, answer.length - length)) > 0; ) {
                    length += read;
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // an event stream stays open, a reset connection has said what it had to say
            }
            return new String(answer, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
}
