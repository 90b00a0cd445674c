package com.gametriggers.companion.youtube;

import java.io.IOException;
import java.util.Arrays;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import okhttp3.Response;

/** Lenient reading of Google's JSON along a path of field names: anything missing or of the wrong shape reads as absent. */
final class GoogleJson {

    private GoogleJson() {
    }

    static JsonObject body(Response response) throws IOException {
        try {
            JsonElement parsed = JsonParser.parseString(response.body().string());
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    static JsonObject object(JsonObject object, String... path) {
        JsonObject current = object;
        for (String name : path) {
            JsonElement next = current == null ? null : current.get(name);
            current = next != null && next.isJsonObject() ? next.getAsJsonObject() : null;
        }
        return current;
    }

    /** The string at {@code path}; numbers read as their text, since Google sends some counts as strings. */
    static String string(JsonObject object, String... path) {
        if (object == null || path.length == 0) {
            return null;
        }
        String[] parents = Arrays.copyOf(path, path.length - 1);
        JsonObject parent = object(object, parents);
        JsonElement value = parent == null ? null : parent.get(path[path.length - 1]);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
