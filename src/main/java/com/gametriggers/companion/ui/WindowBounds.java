package com.gametriggers.companion.ui;

/** The main window's position and size on screen, in JavaFX's coordinates. */
public record WindowBounds(double x, double y, double width, double height) {

    public WindowBounds {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("The window position must be a finite number: " + x + ", " + y);
        }
        if (!Double.isFinite(width) || !Double.isFinite(height) || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("The window size must be positive: " + width + " x " + height);
        }
    }
}
