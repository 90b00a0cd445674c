package com.gametriggers.companion.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The label in front of a form field: never cut short, and tied to its field for screen readers and mnemonics. */
public final class FieldLabels {

    private FieldLabels() {
    }

    public static Label forField(String text, Node field) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(field);
        return label;
    }
}
