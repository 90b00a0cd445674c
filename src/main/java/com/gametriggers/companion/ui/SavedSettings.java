package com.gametriggers.companion.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.ui.settings.SettingsViewModel;

/**
 * The streamer's settings as the window reads and changes them; the {@code app} package keeps them in a file. They
 * are there before the services start, so the window can open with its theme, size and place. Writes touch the
 * disk: call them off the FX thread.
 */
public interface SavedSettings {

    /** The folder with the settings, the embedded store and the journal. */
    Path dataFolder();

    /** The folder the app's log is written to, inside the data folder. */
    Path logFolder();

    /** What the settings form shows. */
    SettingsViewModel.Values form();

    /** Keeps the form's values; the store, port and Twitch ones take effect at the next start. */
    void changeForm(SettingsViewModel.Values values) throws IOException;

    Optional<WindowBounds> window();

    void rememberWindow(WindowBounds bounds) throws IOException;

    RotationSettings rotation();

    void rememberRotation(RotationSettings rotation) throws IOException;

    /** Where "Add to OBS" finds OBS's WebSocket server. */
    ObsConnectionSettings obsConnection();

    void rememberObsConnection(ObsConnectionSettings obs) throws IOException;

    WhenWindowCloses whenClosed();

    void rememberWhenClosed(WhenWindowCloses choice) throws IOException;

    /** Whether the app looks for a newer version once a day. */
    boolean checksForUpdates();

    void rememberChecksForUpdates(boolean on) throws IOException;

    /** Whether the app starts in the background when the streamer logs in; off until chosen. */
    boolean startWithComputer();

    void rememberStartWithComputer(boolean on) throws IOException;
}
