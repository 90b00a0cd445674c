package com.gametriggers.companion.ui.settings;

import java.util.Optional;

import com.gametriggers.companion.obs.ObsConnectionSettings;

/**
 * The OBS connection fields read into settings. The stored password is never shown: an empty password field keeps
 * it, typing replaces it, and "forget" removes it.
 */
public final class ObsSettingsForm {

    private ObsSettingsForm() {
    }

    /** The settings to keep, or why the fields cannot be used. */
    public record Result(Optional<ObsConnectionSettings> settings, Optional<String> problem) {
    }

    public static Result read(String host, String port, String typedPassword, ObsConnectionSettings stored) {
        String portText = port == null ? "" : port.strip();
        if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65_535) {
            return problem("The OBS WebSocket port is a number from 1 to 65535; OBS shows it under Tools -> WebSocket "
                    + "Server Settings (4455 unless changed).");
        }
        Optional<String> password = typedPassword == null || typedPassword.isEmpty() ? stored.password()
                : Optional.of(typedPassword);
        try {
            // The settings record knows what a host may look like; with the port checked, only the host can fail.
            return new Result(Optional.of(new ObsConnectionSettings(host, Integer.parseInt(portText), password)),
                    Optional.empty());
        } catch (IllegalArgumentException e) {
            return problem("The OBS host is this computer (127.0.0.1) or the name or address of the PC that runs OBS.");
        }
    }

    private static Result problem(String sentence) {
        return new Result(Optional.empty(), Optional.of(sentence));
    }
}
