package com.gametriggers.companion.ui.shell;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.gametriggers.companion.ui.YouTubeAccount;

/** A Google sign-in the test plays: it hands Google's page to the browser and is signed in at once. */
final class ScriptedYouTube implements YouTubeAccount {

    static final URI GOOGLE_PAGE = URI.create("https://accounts.google.com/o/oauth2/v2/auth?client_id=test");

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean signedIn;

    @Override
    public Optional<String> unavailable() {
        return Optional.empty();
    }

    @Override
    public boolean signedIn() {
        return signedIn;
    }

    @Override
    public void signIn(Consumer<URI> browser) {
        browser.accept(GOOGLE_PAGE);
        signedIn = true;
        listeners.forEach(Runnable::run);
    }

    @Override
    public void signOut() {
        signedIn = false;
        listeners.forEach(Runnable::run);
    }

    @Override
    public Optional<String> needsStreamer() {
        return Optional.empty();
    }

    @Override
    public void addListener(Runnable changed) {
        listeners.add(changed);
    }

    @Override
    public void removeListener(Runnable changed) {
        listeners.remove(changed);
    }
}
