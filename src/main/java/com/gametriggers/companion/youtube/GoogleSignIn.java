package com.gametriggers.companion.youtube;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.gametriggers.companion.concurrent.NamedThreads;
import com.gametriggers.companion.youtube.YouTubeException.Kind;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Signing in with Google the way Google asks desktop apps to: the system browser opens Google's consent page, and
 * Google sends the browser back to a one-time server on {@code http://127.0.0.1:<free port>} (loopback, not
 * {@code localhost}, which Google says can trip firewalls) with a code, which is traded for tokens with PKCE
 * (S256), so a code caught by another app on the machine is worthless without the verifier. {@code state} ties the
 * answer to this request. Tokens are renewed with the refresh token Google always gives installed apps.
 */
public final class GoogleSignIn {

    static final String SIGNED_IN_PAGE = "Signed in, you can close this tab";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OkHttpClient http;
    private final GoogleOAuthSettings settings;
    private final Clock clock;
    private final Consumer<URI> browser;

    /** {@code browser} opens a page in the system browser (the app passes the desktop's, tests play the browser). */
    public GoogleSignIn(OkHttpClient http, GoogleOAuthSettings settings, Clock clock, Consumer<URI> browser) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.browser = browser;
    }

    /**
     * Opens Google's consent page and waits up to {@code timeout} for the streamer to finish there; blocks, so it
     * runs off the window's thread.
     *
     * @throws YouTubeException when the streamer declined, the answer did not match, time ran out or Google refused
     */
    public GoogleToken signIn(Duration timeout) throws YouTubeException, InterruptedException {
        String verifier = randomText(64); // 86 characters, inside PKCE's 43 to 128
        String state = randomText(32);
        CompletableFuture<String> code = new CompletableFuture<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(NamedThreads.factory("google-sign-in"));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            executor.shutdown();
            throw new YouTubeException(Kind.OTHER, "The app could not wait for Google's answer on this computer", e);
        }
        String redirectUri = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> answer(exchange, state, code));
        server.setExecutor(executor);
        server.start();
        try {
            browser.accept(URI.create(settings.authUrl().newBuilder()
                    .addQueryParameter("client_id", settings.clientId())
                    .addQueryParameter("redirect_uri", redirectUri)
                    .addQueryParameter("response_type", "code")
                    .addQueryParameter("scope", GoogleOAuthSettings.SCOPE)
                    .addQueryParameter("code_challenge", challenge(verifier))
                    .addQueryParameter("code_challenge_method", "S256")
                    .addQueryParameter("state", state)
                    .build().toString()));
            return exchange(code.get(timeout.toMillis(), TimeUnit.MILLISECONDS), verifier, redirectUri);
        } catch (TimeoutException e) {
            throw new YouTubeException(Kind.OTHER, "The Google sign-in was not finished in time; start it again");
        } catch (ExecutionException e) {
            throw (YouTubeException) e.getCause();
        } finally {
            server.stop(0);
            executor.shutdown();
        }
    }

    /**
     * A new access token for {@code token}'s refresh token; Google usually keeps the refresh token, so the old one is
     * kept unless a new one comes.
     *
     * @throws YouTubeException of {@link Kind#SIGN_IN_EXPIRED} when Google refuses the refresh token (revoked,
     *                          unused for six months, or a seven-day token of an app still in testing)
     */
    public GoogleToken refresh(GoogleToken token) throws YouTubeException {
        if (token.refreshToken() == null || token.refreshToken().isBlank()) {
            throw new YouTubeException(Kind.SIGN_IN_EXPIRED, "Your YouTube sign-in expired; sign in again");
        }
        JsonObject body = post(withSecret(new FormBody.Builder().add("client_id", settings.clientId())
                .add("grant_type", "refresh_token").add("refresh_token", token.refreshToken())), "renew");
        return token(body, token.refreshToken());
    }

    /** Serves Google's redirect: the first answer settles the sign-in, and the tab says how it went. */
    private static void answer(HttpExchange exchange, String state, CompletableFuture<String> code)
            throws IOException {
        try (exchange) {
            if (!"/".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String page;
            if (query.containsKey("error")) {
                page = "Google sign-in was not completed (" + query.get("error") + "); you can close this tab";
                code.completeExceptionally(new YouTubeException(Kind.OTHER,
                        "Google sign-in was not completed (" + query.get("error") + ")"));
            } else if (!state.equals(query.get("state")) || query.get("code") == null) {
                page = "This answer does not match the app's sign-in; start the sign-in again from the app";
                code.completeExceptionally(new YouTubeException(Kind.OTHER,
                        "Google's answer did not match the app's sign-in; start the sign-in again"));
            } else {
                page = SIGNED_IN_PAGE;
                code.complete(query.get("code"));
            }
            byte[] html = ("<!doctype html><meta charset=\"utf-8\"><title>GameTriggers Companion</title><p>"
                    + escape(page) + "</p>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        }
    }

    private GoogleToken exchange(String code, String verifier, String redirectUri) throws YouTubeException {
        JsonObject body = post(withSecret(new FormBody.Builder().add("client_id", settings.clientId())
                .add("code", code).add("code_verifier", verifier).add("grant_type", "authorization_code")
                .add("redirect_uri", redirectUri)), "finish");
        String scope = GoogleJson.string(body, "scope");
        if (scope != null && !Arrays.asList(scope.split(" ")).contains(GoogleOAuthSettings.SCOPE)) {
            throw new YouTubeException(Kind.OTHER, "Google did not give the app access to YouTube; sign in again "
                    + "and allow it");
        }
        return token(body, null);
    }

    private FormBody withSecret(FormBody.Builder form) {
        settings.clientSecret().ifPresent(secret -> form.add("client_secret", secret));
        return form.build();
    }

    private JsonObject post(FormBody form, String verb) throws YouTubeException {
        Request request = new Request.Builder().url(settings.tokenUrl()).post(form).build();
        try (Response response = http.newCall(request).execute()) {
            JsonObject body = GoogleJson.body(response);
            if (response.code() == 400 || response.code() == 401) {
                // invalid_grant and friends: the code or refresh token is spent, revoked or expired.
                throw new YouTubeException(Kind.SIGN_IN_EXPIRED, "Google refused the sign-in ("
                        + problem(response, body) + "); sign in to YouTube again");
            }
            if (!response.isSuccessful() || GoogleJson.string(body, "access_token") == null) {
                throw new YouTubeException(Kind.OTHER, "Google could not " + verb + " the sign-in: "
                        + problem(response, body));
            }
            return body;
        } catch (IOException e) {
            throw new YouTubeException(Kind.OTHER, "Google could not be reached to " + verb + " the sign-in", e);
        }
    }

    private GoogleToken token(JsonObject body, String previousRefreshToken) {
        String refreshToken = GoogleJson.string(body, "refresh_token");
        String expiresIn = GoogleJson.string(body, "expires_in");
        return new GoogleToken(GoogleJson.string(body, "access_token"),
                refreshToken != null ? refreshToken : previousRefreshToken,
                clock.instant().plusSeconds(expiresIn == null ? 0 : Long.parseLong(expiresIn)));
    }

    /** Google's error code, never the request, which holds the code and the verifier. */
    private static String problem(Response response, JsonObject body) {
        String error = GoogleJson.string(body, "error");
        return error != null ? error : "HTTP " + response.code();
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
