package com.gametriggers.companion.ui.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import com.gametriggers.companion.twitch.DeviceCode;
import com.gametriggers.companion.ui.TwitchAccount;

/** A Twitch sign-in whose code the test "enters" by calling {@link #codeEntered()}. */
final class ScriptedTwitch implements TwitchAccount {

    static final String USER_CODE = "WDJB-MJHT";

    private final CountDownLatch entered = new CountDownLatch(1);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<String> login = Optional.empty();
    private volatile Optional<String> needsStreamer = Optional.empty();

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
        return needsStreamer;
    }

    @Override
    public void addListener(Runnable changed) {
        listeners.add(changed);
    }

    @Override
    public void removeListener(Runnable changed) {
        listeners.remove(changed);
    }

    /** Twitch refuses the sign-in mid-stream, as when it turns the refresh token down. */
    void refusedByTwitch(String sentence) {
        needsStreamer = Optional.of(sentence);
        listeners.forEach(Runnable::run);
    }

    void codeEntered() {
        entered.countDown();
    }
}
