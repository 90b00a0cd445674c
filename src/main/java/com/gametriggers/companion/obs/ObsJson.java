package com.gametriggers.companion.obs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Lenient reading of OBS's JSON: a missing or oddly typed field reads as absent, never as a crash. */
final class ObsJson {

    private ObsJson() {
    }

    static String string(JsonObject object, String name) {
        JsonElement value = object == null ? null : object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    static int integer(JsonObject object, String name, int absent) {
        JsonElement value = object == null ? null : object.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return absent;
        }
        return value.getAsInt();
    }

    static boolean bool(JsonObject object, String name, boolean absent) {
        JsonElement value = object == null ? null : object.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            return absent;
        }
        return value.getAsBoolean();
    }

    /** The member object, or an empty one. */
    static JsonObject object(JsonObject object, String name) {
        JsonElement value = object == null ? null : object.get(name);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }
}
