package com.gametriggers.companion.chat;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chat commands for sponsors: made from the brand ({@code !nike} style), valid in Twitch chat, unique per streamer
 * (compared without case, as chat does), and checked when the streamer edits one.
 */
public final class ChatCommandNames {

    /** {@code !} then 2 to 25 letters, digits or underscores: one word that chat shows as typed. */
    private static final Pattern VALID = Pattern.compile("![a-z0-9][a-z0-9_]{1,24}");
    private static final int MAX_NAME = 25;

    private ChatCommandNames() {
    }

    /**
     * A command for {@code brand} that none of {@code taken} uses: the brand's first word, else the whole brand,
     * else the first word with a number ({@code !nova2}).
     */
    public static String generate(String brand, Collection<String> taken) {
        Set<String> used = taken.stream().map(command -> command.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String[] words = plain(brand).split(" +");
        String first = fit(words[0]);
        String whole = fit(String.join("", words));
        for (String candidate : new String[] {first, whole}) {
            if (!used.contains("!" + candidate) && VALID.matcher("!" + candidate).matches()) {
                return "!" + candidate;
            }
        }
        String base = first.length() >= 2 ? first : "sponsor";
        for (int n = 2; ; n++) {
            String suffix = Integer.toString(n);
            String candidate = "!" + base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Why {@code command} cannot be used, in a sentence for the streamer; empty when it can. */
    public static Optional<String> problem(String command, Collection<String> takenByOthers) {
        if (command == null || command.isBlank()) {
            return Optional.of("Enter a chat command, such as !nova.");
        }
        String normalized = command.strip().toLowerCase(Locale.ROOT);
        if (!normalized.startsWith("!")) {
            return Optional.of("A chat command starts with ! (for example !" + plainOr(normalized) + ").");
        }
        if (!VALID.matcher(normalized).matches()) {
            return Optional.of("Use 2 to 25 letters, digits or underscores after the !, without spaces.");
        }
        boolean taken = takenByOthers.stream().anyMatch(other -> other.equalsIgnoreCase(normalized));
        return taken ? Optional.of(normalized + " is already used by another of your campaigns.") : Optional.empty();
    }

    private static String plainOr(String text) {
        String plain = fit(plain(text).replace(" ", ""));
        return plain.length() >= 2 ? plain : "nova";
    }

    /** Lower case, accents removed, anything but letters and digits turned into spaces. */
    private static String plain(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String plain = decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return plain.isEmpty() ? "sponsor" : plain;
    }

    private static String fit(String name) {
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
