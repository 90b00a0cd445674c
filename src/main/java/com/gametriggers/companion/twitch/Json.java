package com.gametriggers.companion.twitch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import okhttp3.Response;

/** Lenient reading of Twitch's JSON: a missing field or a body that is not an object reads as absent, not as a crash. */
final class Json {

    private Json() {
    }

    static JsonObject body(Response response) throws IOException {
        try {
            JsonElement parsed = JsonParser.parseString(response.body().string());
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    static long number(JsonObject object, String name, long absent) {
        JsonElement value = object.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return absent;
        }
        return value.getAsLong();
    }

    /** The strings of an array field, such as the scopes Twitch granted; none when the field is no array. */
    static List<String> strings(JsonObject object, String name) {
        List<String> strings = new ArrayList<>();
        JsonElement value = object.get(name);
        if (value != null && value.isJsonArray()) {
            value.getAsJsonArray().forEach(element -> strings.add(element.getAsString()));
        }
        return strings;
    }

    /** Twitch's own message when it sent one, otherwise the status code: never the request, which holds secrets. */
    static String problem(Response response, JsonObject body) {
        String message = string(body, "message");
        return message != null ? message : "HTTP " + response.code();
    }
}
