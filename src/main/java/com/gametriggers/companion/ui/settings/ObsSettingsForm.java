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
        String hostText = host == null ? "" : host.strip();
        if (hostText.isEmpty() || hostText.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            return problem("The OBS host is this computer (127.0.0.1) or the name or address of the PC that runs OBS.");
        }
        String portText = port == null ? "" : port.strip();
        if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65_535) {
            return problem("The OBS WebSocket port is a number from 1 to 65535; OBS shows it under Tools -> WebSocket "
                    + "Server Settings (4455 unless changed).");
        }
        Optional<String> password = typedPassword == null || typedPassword.isEmpty() ? stored.password()
                : Optional.of(typedPassword);
        return new Result(Optional.of(new ObsConnectionSettings(hostText, Integer.parseInt(portText), password)),
                Optional.empty());
    }

    private static Result problem(String sentence) {
        return new Result(Optional.empty(), Optional.of(sentence));
    }
}
