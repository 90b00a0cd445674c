package com.gametriggers.companion.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.gametriggers.companion.concurrent.FakeTime;
import com.gametriggers.companion.youtube.YouTubeException.Kind;

import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

class GoogleSignInTest {

    private static final String CLIENT_ID = "1234-desktop.apps.googleusercontent.com";
    private static final String TOKENS = "{\"access_token\":\"ya29.freshACCESS0123456789\",\"expires_in\":3599,"
            + "\"refresh_token\":\"1//refreshTOKEN0123456789\",\"scope\":\"https://www.googleapis.com/auth/youtube\","
            + "\"token_type\":\"Bearer\"}";

    private final Instant now = Instant.parse("2030-05-01T19:00:00Z");
    private final FakeTime time = new FakeTime(now);
    private final GoogleServer google = new GoogleServer();
    private final AtomicReference<String> page = new AtomicReference<>();
    private final AtomicReference<HttpUrl> consent = new AtomicReference<>();

    GoogleSignInTest() throws IOException {
    }

    @AfterEach
    void close() {
        google.close();
    }

    @Test
    void theBrowserComesBackWithACodeThatIsTradedWithPkce() throws Exception {
        google.enqueue(200, TOKENS);

        GoogleToken token = signIn(redirect -> redirect.newBuilder()
                .addQueryParameter("state", consent.get().queryParameter("state"))
                .addQueryParameter("code", "4/0Acode").addQueryParameter("scope", GoogleOAuthSettings.SCOPE).build())
                .signIn(Duration.ofSeconds(10));

        assertThat(token).isEqualTo(new GoogleToken("ya29.freshACCESS0123456789", "1//refreshTOKEN0123456789",
                now.plusSeconds(3599)));
        assertThat(page.get()).contains(GoogleSignIn.SIGNED_IN_PAGE);
        HttpUrl asked = consent.get();
        assertThat(asked.queryParameter("client_id")).isEqualTo(CLIENT_ID);
        assertThat(asked.queryParameter("scope")).isEqualTo("https://www.googleapis.com/auth/youtube");
        assertThat(asked.queryParameter("response_type")).isEqualTo("code");
        assertThat(asked.queryParameter("code_challenge_method")).isEqualTo("S256");
        assertThat(asked.queryParameter("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+");
        RecordedRequest exchange = google.take();
        HttpUrl form = form(exchange);
        String verifier = form.queryParameter("code_verifier");
        assertThat(verifier).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
        assertThat(GoogleSignIn.challenge(verifier)).isEqualTo(asked.queryParameter("code_challenge"));
        assertThat(form.queryParameter("code")).isEqualTo("4/0Acode");
        assertThat(form.queryParameter("grant_type")).isEqualTo("authorization_code");
        assertThat(form.queryParameter("redirect_uri")).isEqualTo(asked.queryParameter("redirect_uri"));
        assertThat(form.queryParameter("client_secret")).as("none in this build").isNull();
    }

    @Test
    void anAnswerWithTheWrongStateIsRefused() throws Exception {
        GoogleSignIn signIn = signIn(redirect -> redirect.newBuilder().addQueryParameter("state", "forged")
                .addQueryParameter("code", "4/0Acode").build());

        assertThatThrownBy(() -> signIn.signIn(Duration.ofSeconds(10)))
                .isInstanceOf(YouTubeException.class)
                .hasMessage("Google's answer did not match the app's sign-in; start the sign-in again");
        assertThat(page.get()).contains("This answer does not match the app's sign-in");
        assertThat(google.requestCount()).as("no code traded").isZero();
    }

    @Test
    void aDeclinedConsentSaysSo() throws Exception {
        GoogleSignIn signIn = signIn(redirect -> redirect.newBuilder()
                .addQueryParameter("error", "access_denied")
                .addQueryParameter("state", consent.get().queryParameter("state")).build());

        assertThatThrownBy(() -> signIn.signIn(Duration.ofSeconds(10)))
                .hasMessage("Google sign-in was not completed (access_denied)");
        assertThat(page.get()).contains("Google sign-in was not completed (access_denied); you can close this tab");
    }

    @Test
    void aRefreshKeepsTheRefreshTokenGoogleDidNotReplace() throws Exception {
        google.enqueue(200, "{\"access_token\":\"ya29.renewedACCESS0123456789\",\"expires_in\":3599,"
                + "\"token_type\":\"Bearer\"}");

        GoogleToken renewed = signIn(redirect -> redirect).refresh(
                new GoogleToken("ya29.oldACCESS0123456789", "1//refreshTOKEN0123456789", now));

        assertThat(renewed).isEqualTo(new GoogleToken("ya29.renewedACCESS0123456789", "1//refreshTOKEN0123456789",
                now.plusSeconds(3599)));
        HttpUrl form = form(google.take());
        assertThat(form.queryParameter("grant_type")).isEqualTo("refresh_token");
        assertThat(form.queryParameter("refresh_token")).isEqualTo("1//refreshTOKEN0123456789");
        assertThat(form.queryParameter("client_id")).isEqualTo(CLIENT_ID);
    }

    @Test
    void aRefusedRefreshMeansSigningInAgain() throws Exception {
        google.enqueue(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");

        assertThatThrownBy(() -> signIn(redirect -> redirect).refresh(
                new GoogleToken("ya29.oldACCESS0123456789", "1//refreshTOKEN0123456789", now)))
                .isInstanceOfSatisfying(YouTubeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.SIGN_IN_EXPIRED);
                    assertThat(e.getMessage()).isEqualTo("Google refused the sign-in (invalid_grant); sign in to "
                            + "YouTube again").doesNotContain("refreshTOKEN");
                });
    }

    @Test
    void credentialsRenewATokenAboutToExpireAndKeepIt() throws Exception {
        google.enqueue(200, "{\"access_token\":\"ya29.renewedACCESS0123456789\",\"expires_in\":3599}");
        List<GoogleToken> kept = new ArrayList<>();
        GoogleCredentials credentials = new GoogleCredentials(signIn(redirect -> redirect),
                new GoogleToken("ya29.oldACCESS0123456789", "1//refreshTOKEN0123456789", now.plusSeconds(30)),
                kept::add, time);

        assertThat(credentials.accessToken()).isEqualTo("ya29.renewedACCESS0123456789");
        assertThat(kept).containsExactly(credentials.token());
        assertThat(credentials.renewAfter("ya29.oldACCESS0123456789")).as("renewed already")
                .isEqualTo("ya29.renewedACCESS0123456789");
        assertThat(google.requestCount()).isEqualTo(1);
        assertThat(credentials.token().toString()).doesNotContain("renewedACCESS").doesNotContain("refreshTOKEN");
    }

    /** A sign-in whose browser follows the redirect {@code answer} makes of Google's redirect URI. */
    private GoogleSignIn signIn(UnaryOperator<HttpUrl> answer) {
        GoogleOAuthSettings settings = new GoogleOAuthSettings(CLIENT_ID, Optional.empty(),
                google.server.url("/o/oauth2/v2/auth"), google.tokenUrl());
        return new GoogleSignIn(google.http, settings, time, (URI uri) -> {
            consent.set(HttpUrl.get(uri));
            HttpUrl redirect = HttpUrl.get(consent.get().queryParameter("redirect_uri"));
            try (Response response = google.http.newCall(new Request.Builder().url(answer.apply(redirect)).build())
                    .execute()) {
                page.set(response.body().string());
            } catch (IOException e) {
                throw new AssertionError("the app's loopback page did not answer", e);
            }
        });
    }

    private static HttpUrl form(RecordedRequest request) {
        return HttpUrl.get("http://form.test/?" + request.getBody().utf8());
    }
}
