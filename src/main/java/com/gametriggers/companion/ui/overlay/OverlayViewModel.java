package com.gametriggers.companion.ui.overlay;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.gametriggers.companion.overlay.CreativeProblem;
import com.gametriggers.companion.overlay.OverlayStatus;
import com.gametriggers.companion.overlay.rotation.RotationSettings;
import com.gametriggers.companion.ui.Formats;

/**
 * What the Overlay view says and accepts, without JavaFX: the overlay's state as sentences, and the rotation form's
 * text read into settings with one sentence when a value cannot be used.
 */
public final class OverlayViewModel {

    /** The strategies by the names the streamer reads, in the order the choice box lists them. */
    static final Map<String, String> STRATEGY_NAMES = strategyNames();
    private static final long MAX_SECONDS_ON_SCREEN = 600;
    private static final long MAX_MINUTES = 24 * 60;

    private OverlayViewModel() {
    }

    /** The rotation form read into settings, or why it cannot be used. */
    public record RotationForm(Optional<RotationSettings> settings, Optional<String> problem) {
    }

    private static Map<String, String> strategyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String strategy : RotationSettings.strategies()) {
            names.put(strategy, switch (strategy) {
                case "round-robin" -> "In turn";
                case "highest-paying" -> "Highest paying first";
                case "least-shown" -> "Least shown first";
                default -> strategy;
            });
        }
        return Map.copyOf(names);
    }

    static String strategyName(String strategy) {
        return STRATEGY_NAMES.getOrDefault(strategy, strategy);
    }

    /**
     * Reads the form: seconds on screen (1 to 600), minutes between sponsors and after going live (0 to a day), and
     * the warning's seconds before each sponsor (0, no warning, to 600), and the most showings of one sponsor a day
     * (0, no limit, to {@value RotationSettings#MAX_DAILY_SHOWINGS}), and whether the warning shows on the overlay too.
     */
    public static RotationForm rotation(String secondsOnScreen, String minutesBetween, String minutesAfterLive,
                                        String strategy, String secondsWarning, String showingsPerDay,
                                        boolean countdownOnOverlay) {
        Optional<Long> shown = number(secondsOnScreen, 1, MAX_SECONDS_ON_SCREEN);
        if (shown.isEmpty()) {
            return problem("Time on screen must be a whole number of seconds from 1 to " + MAX_SECONDS_ON_SCREEN + ".");
        }
        Optional<Long> between = number(minutesBetween, 0, MAX_MINUTES);
        if (between.isEmpty()) {
            return problem("Time between sponsors must be a whole number of minutes from 0 to " + MAX_MINUTES + ".");
        }
        Optional<Long> afterLive = number(minutesAfterLive, 0, MAX_MINUTES);
        if (afterLive.isEmpty()) {
            return problem("The wait after going live must be a whole number of minutes from 0 to " + MAX_MINUTES + ".");
        }
        if (strategy == null || !STRATEGY_NAMES.containsKey(strategy)) {
            return problem("Choose which sponsor comes next.");
        }
        Optional<Long> warning = number(secondsWarning, 0, MAX_SECONDS_ON_SCREEN);
        if (warning.isEmpty()) {
            return problem("The warning before a sponsor must be a whole number of seconds from 0 (no warning) to "
                    + MAX_SECONDS_ON_SCREEN + ".");
        }
        Optional<Long> perDay = number(showingsPerDay, 0, RotationSettings.MAX_DAILY_SHOWINGS);
        if (perDay.isEmpty()) {
            return problem("Showings per sponsor a day must be a whole number from 0 (no limit) to "
                    + RotationSettings.MAX_DAILY_SHOWINGS + ".");
        }
        return new RotationForm(Optional.of(new RotationSettings(Duration.ofSeconds(shown.get()),
                Duration.ofMinutes(between.get()), Duration.ofMinutes(afterLive.get()), strategy,
                Duration.ofSeconds(warning.get()), perDay.get().intValue(), countdownOnOverlay)), Optional.empty());
    }

    private static RotationForm problem(String sentence) {
        return new RotationForm(Optional.empty(), Optional.of(sentence));
    }

    private static Optional<Long> number(String text, long min, long max) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[0-9]{1,7}")) {
            return Optional.empty();
        }
        long number = Long.parseLong(value);
        return number >= min && number <= max ? Optional.of(number) : Optional.empty();
    }

    /** What is on screen, or why nothing is. */
    public static String onScreen(OverlayStatus status, Instant now, ZoneId zone) {
        if (status.pausedUntil().isPresent()) {
            return "Sponsors are paused until " + Formats.time(status.pausedUntil().get(), zone) + ".";
        }
        if (!status.onScreen().isEmpty()) {
            return "On screen now: " + String.join(", ", status.onScreen()) + ".";
        }
        if (status.pagesListening() == 0) {
            return "No overlay page is open: add the overlay URL to OBS as a Browser Source.";
        }
        if (status.live().isPresent() && !status.live().get()) {
            return "Nothing on screen: sponsors show while you are live.";
        }
        if (status.dailyLimitReached()) {
            int limit = status.rotation().dailyShowingsPerSponsor();
            return "Nothing on screen: every sponsor was shown " + limit + (limit == 1 ? " time" : " times")
                    + " today, your daily limit. They come back after midnight.";
        }
        return "Nothing on screen right now; the next sponsor follows the schedule below.";
    }

    /** Where the "live" signal comes from, which decides when sponsors show. */
    public static String stream(OverlayStatus status) {
        if (status.live().isEmpty()) {
            return "Twitch is not connected, so sponsors show whenever OBS shows the overlay.";
        }
        return status.live().get() ? "Twitch says you are live." : "Twitch says you are offline.";
    }

    /** The creatives OBS could not show, one sentence each; empty when OBS shows them all. */
    public static String creativeProblems(OverlayStatus status) {
        return status.creativeProblems().stream().map(CreativeProblem::sentence).collect(Collectors.joining("\n"));
    }

    /** How many overlay pages listen: OBS, a browser, and this window's preview each count. */
    public static String pages(int pagesListening) {
        return switch (pagesListening) {
            case 0 -> "No overlay page connected.";
            case 1 -> "1 overlay page connected.";
            default -> pagesListening + " overlay pages connected.";
        };
    }
}
