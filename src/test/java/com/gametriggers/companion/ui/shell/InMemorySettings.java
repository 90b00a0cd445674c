package com.gametriggers.companion.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

import com.gametriggers.companion.obs.ObsConnectionSettings;
import com.gametriggers.companion.overlay.OverlaySettings;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.ui.SavedSettings;
import com.gametriggers.companion.ui.WhenWindowCloses;
import com.gametriggers.companion.ui.WindowBounds;
import com.gametriggers.companion.ui.settings.SettingsViewModel;

/** Settings kept in memory, for window tests that are not about the settings file. */
final class InMemorySettings implements SavedSettings {

    private final Path dataFolder;
    private volatile SettingsViewModel.Values form = new SettingsViewModel.Values(Optional.empty(),
            OverlaySettings.DEFAULT_PORT, Optional.empty(), Optional.empty(), java.util.List.of("#ad", "#sponsored"),
            SettingsViewModel.DARK);
    private volatile Optional<WindowBounds> window = Optional.empty();
    private volatile RotationSettings rotation = RotationSettings.defaults();
    private volatile ObsConnectionSettings obs = ObsConnectionSettings.defaults();
    private volatile WhenWindowCloses whenClosed = WhenWindowCloses.ASK;
    private volatile boolean checksForUpdates = true;
    private volatile boolean startWithComputer;

    InMemorySettings(Path dataFolder) {
        this.dataFolder = dataFolder;
    }

    @Override
    public Path dataFolder() {
        return dataFolder;
    }

    @Override
    public Path logFolder() {
        return dataFolder.resolve("logs");
    }

    @Override
    public SettingsViewModel.Values form() {
        return form;
    }

    @Override
    public void changeForm(SettingsViewModel.Values values) {
        form = values;
    }

    @Override
    public Optional<WindowBounds> window() {
        return window;
    }

    @Override
    public void rememberWindow(WindowBounds bounds) {
        window = Optional.of(bounds);
    }

    @Override
    public RotationSettings rotation() {
        return rotation;
    }

    @Override
    public void rememberRotation(RotationSettings newRotation) {
        rotation = newRotation;
    }

    @Override
    public ObsConnectionSettings obsConnection() {
        return obs;
    }

    @Override
    public void rememberObsConnection(ObsConnectionSettings newObs) {
        obs = newObs;
    }

    @Override
    public WhenWindowCloses whenClosed() {
        return whenClosed;
    }

    @Override
    public void rememberWhenClosed(WhenWindowCloses choice) {
        whenClosed = choice;
    }

    @Override
    public boolean startWithComputer() {
        return startWithComputer;
    }

    @Override
    public void rememberStartWithComputer(boolean on) {
        startWithComputer = on;
    }

    @Override
    public boolean checksForUpdates() {
        return checksForUpdates;
    }

    @Override
    public void rememberChecksForUpdates(boolean on) {
        checksForUpdates = on;
    }
}
