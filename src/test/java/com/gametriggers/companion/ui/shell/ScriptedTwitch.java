package com.gametriggers.companion.ui.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import com.gametriggers.companion.twitch.DeviceCode;
import com.gametriggers.companion.ui.TwitchAccount;

/** A Twitch sign-in whose code the test "enters" by calling {@link #codeEntered()}. */
final class ScriptedTwitch implements TwitchAccount {

    static final String USER_CODE = "WDJB-MJHT";

    private final CountDownLatch entered = new CountDownLatch(1);
    private volatile Optional<String> login = Optional.empty();

    @Override
    public Optional<String> signedInAs() {
        return login;
    }

    @Override
    public DeviceCode startSignIn() {
        return new DeviceCode("device-secret", USER_CODE, "https://www.twitch.tv/activate", Instant.now().plusSeconds(1800),
                Duration.ofSeconds(5));
    }

    @Override
    public String finishSignIn(DeviceCode code) throws InterruptedException {
        entered.await();
        login = Optional.of("nova_streams");
        return login.get();
    }

    @Override
    public void signOut() {
        login = Optional.empty();
    }

    @Override
    public Optional<String> needsStreamer() {
        return Optional.empty();
    }

    @Override
    public void addListener(Runnable changed) {
        // The window shows what finishSignIn returned; nothing else changes here.
    }

    @Override
    public void removeListener(Runnable changed) {
    }

    void codeEntered() {
        entered.countDown();
    }
}
