package com.gametriggers.companion.update;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version as tags and builds spell it: {@code 0.10.0}, {@code v1.2}, {@code 1.0.0-rc.1},
 * {@code 0.1.0-SNAPSHOT}. Compared number by number, so 0.10.0 is newer than 0.9.1, and missing numbers count as 0.
 * A version with a suffix (a pre-release or a development build) ranks below the same version without one; suffixes
 * of the same numbers are not ranked among themselves, since only releases are ever offered.
 */
public record Version(int major, int minor, int patch, Optional<String> suffix) implements Comparable<Version> {

    private static final Pattern FORM =
            Pattern.compile("[vV]?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(?:[-+](\\S+))?");

    /** The version in text, or empty if it is not one; a leading {@code v} is allowed. */
    public static Optional<Version> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Version(number(matcher.group(1)), number(matcher.group(2)), number(matcher.group(3)),
                Optional.ofNullable(matcher.group(4))));
    }

    /** A release, as opposed to a pre-release or a development build. */
    public boolean isRelease() {
        return suffix.isEmpty();
    }

    public boolean isNewerThan(Version other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Version other) {
        int numbers = Integer.compare(major, other.major);
        if (numbers == 0) {
            numbers = Integer.compare(minor, other.minor);
        }
        if (numbers == 0) {
            numbers = Integer.compare(patch, other.patch);
        }
        if (numbers != 0) {
            return numbers;
        }
        return Boolean.compare(isRelease(), other.isRelease());
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + suffix.map(text -> "-" + text).orElse("");
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
