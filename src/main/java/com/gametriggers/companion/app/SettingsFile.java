package com.gametriggers.companion.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.ui.SavedSettings;
import com.gametriggers.companion.ui.WhenWindowCloses;
import com.gametriggers.companion.ui.WindowBounds;
import com.gametriggers.companion.ui.settings.SettingsViewModel;
import com.gametriggers.companion.update.UpdateCheck;

/**
 * {@code settings.properties} as the window changes it: each change replaces the whole file from the settings in
 * memory, so the form, the window's place and the rotation never overwrite each other's values.
 */
final class SettingsFile implements SavedSettings {

    private final Path dataDir;
    private AppSettings current;

    SettingsFile(Path dataDir, AppSettings loaded) {
        this.dataDir = dataDir;
        this.current = loaded;
    }

    @Override
    public Path dataFolder() {
        return dataDir;
    }

    @Override
    public Path logFolder() {
        return LogFile.folder(dataDir);
    }

    @Override
    public synchronized SettingsViewModel.Values form() {
        return new SettingsViewModel.Values(current.mongoUri(), current.overlayPort(), current.publicTrackingUrl(),
                current.twitchClientId(), current.disclosureTags(), current.theme());
    }

    @Override
    public void changeForm(SettingsViewModel.Values values) throws IOException {
        change(settings -> settings.withForm(values.mongoUri(), values.overlayPort(), values.publicTrackingUrl(),
                values.twitchClientId(), values.disclosureTags(), values.theme()));
    }

    @Override
    public synchronized Optional<WindowBounds> window() {
        return current.window();
    }

    @Override
    public void rememberWindow(WindowBounds bounds) throws IOException {
        change(settings -> settings.withWindow(Optional.of(bounds)));
    }

    @Override
    public synchronized RotationSettings rotation() {
        return current.rotation();
    }

    @Override
    public void rememberRotation(RotationSettings rotation) throws IOException {
        change(settings -> settings.withRotation(rotation));
    }

    @Override
    public synchronized ObsConnectionSettings obsConnection() {
        return current.obs();
    }

    @Override
    public void rememberObsConnection(ObsConnectionSettings obs) throws IOException {
        change(settings -> settings.withObs(obs));
    }

    @Override
    public synchronized WhenWindowCloses whenClosed() {
        return current.whenClosed();
    }

    @Override
    public void rememberWhenClosed(WhenWindowCloses choice) throws IOException {
        change(settings -> settings.withWhenClosed(choice));
    }

    @Override
    public synchronized boolean startWithComputer() {
        return current.startWithComputer();
    }

    @Override
    public void rememberStartWithComputer(boolean on) throws IOException {
        change(settings -> settings.withStartWithComputer(on));
    }

    @Override
    public synchronized boolean checksForUpdates() {
        return current.updates().enabled();
    }

    @Override
    public void rememberChecksForUpdates(boolean on) throws IOException {
        change(settings -> settings.withUpdates(settings.updates().withEnabled(on)));
    }

    /** What the update check reads and remembers, kept in this file with the other settings. */
    UpdateCheck.State updateCheckState() {
        return new UpdateCheck.State() {
            @Override
            public boolean enabled() {
                return checksForUpdates();
            }

            @Override
            public Optional<Instant> lastCheck() {
                synchronized (SettingsFile.this) {
                    return current.updates().lastCheck();
                }
            }

            @Override
            public void rememberCheck(Instant at) throws IOException {
                change(settings -> settings.withUpdates(settings.updates().checkedAt(at)));
            }
        };
    }

    /* One change at a time, and memory changes only once the file holds the new settings. */
    private synchronized void change(UnaryOperator<AppSettings> edit) throws IOException {
        AppSettings next = edit.apply(current);
        next.writeTo(dataDir);
        current = next;
    }
}
