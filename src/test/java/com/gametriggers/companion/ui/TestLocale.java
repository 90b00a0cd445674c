package com.gametriggers.companion.ui;

import java.util.Locale;

/** Switches the format locale for a test, as the system's regional settings would, and back when closed. */
public final class TestLocale implements AutoCloseable {

    private final Locale before;

    private TestLocale(Locale locale) {
        before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, locale);
    }

    public static TestLocale use(Locale locale) {
        return new TestLocale(locale);
    }

    @Override
    public void close() {
        Locale.setDefault(Locale.Category.FORMAT, before);
    }
}
