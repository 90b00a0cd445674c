package com.gametriggers.companion.overlay;

import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * What the page saw when a sponsor's creative would not show, and the sentence that tells the streamer what to do.
 * The page knows little about a creative from another host (the browser hides its status and error details from
 * it), so the sentence says only what the facts support.
 *
 * @param video      whether the page tried a video (else an image)
 * @param mediaError the video's {@code MediaError.code}: 2 network, 3 decode, 4 source not supported; 0 when none
 * @param httpStatus the creative address's status when the page could learn it (a creative on this server), else 0
 * @param blocked    the address is not one the page loads creatives from (only https, or this server)
 */
record CreativeFailure(boolean video, int mediaError, int httpStatus, boolean blocked) {

    private static final int MEDIA_ERR_NETWORK = 2;
    private static final int MEDIA_ERR_DECODE = 3;
    private static final int MEDIA_ERR_SRC_NOT_SUPPORTED = 4;
    private static final String VIDEO_FORMATS = "an MP4 (H.264) or WebM, or an image";
    private static final String IMAGE_FORMATS = "a PNG, JPEG, GIF, WebP or SVG";

    /** The report's facts, or empty when the body is not a report: {@code media} and optional numbers and flag. */
    static Optional<CreativeFailure> read(JsonObject report) {
        String media = text(report.get("media"));
        Optional<Integer> mediaError = number(report.get("mediaError"), 0, 4);
        Optional<Integer> httpStatus = number(report.get("httpStatus"), 0, 599);
        JsonElement blocked = report.get("blocked");
        boolean blockedValid = blocked == null || (blocked.isJsonPrimitive() && blocked.getAsJsonPrimitive().isBoolean());
        if (!("image".equals(media) || "video".equals(media)) || mediaError.isEmpty() || httpStatus.isEmpty()
                || (httpStatus.get() > 0 && httpStatus.get() < 100) || !blockedValid) {
            return Optional.empty();
        }
        return Optional.of(new CreativeFailure("video".equals(media), mediaError.get(), httpStatus.get(),
                blocked != null && blocked.getAsBoolean()));
    }

    /** One sentence for the streamer: what OBS could not show, why as far as is known, and what to ask for. */
    String sentence(String brand) {
        String whose = brand.endsWith("s") ? brand + "'" : brand + "'s";
        String what = "OBS could not show " + whose + " " + (video ? "video" : "image") + ": ";
        String formats = video ? VIDEO_FORMATS : IMAGE_FORMATS;
        if (blocked) {
            return what + "its address is not https, and the overlay loads sponsors' creatives over https only. "
                    + "Ask the sponsor for an https address.";
        }
        if (httpStatus >= 400) {
            return what + "its address answers HTTP " + httpStatus + (httpStatus == 404 ? " (not found)" : "")
                    + ". Ask the sponsor for a working address.";
        }
        boolean loaded = httpStatus >= 200 && httpStatus < 300;
        if (video && mediaError == MEDIA_ERR_NETWORK) {
            return what + "its download broke off. Check this computer's connection; if it keeps happening, ask the "
                    + "sponsor for a smaller file.";
        }
        if (video && (mediaError == MEDIA_ERR_DECODE || (loaded && mediaError == MEDIA_ERR_SRC_NOT_SUPPORTED))) {
            return what + "the format is not supported by OBS's browser. Ask the sponsor for " + formats + ".";
        }
        if (loaded) {
            return what + "the file is not " + (video ? "a video" : "an image") + " OBS's browser can show. "
                    + "Ask the sponsor for " + formats + ".";
        }
        return what + "its address could not be loaded, or OBS's browser cannot show its format. Check that the "
                + "address opens in a browser; if it does, ask the sponsor for " + formats + ".";
    }

    private static String text(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    /** A whole number from {@code min} to {@code max}; 0 when absent; empty when it is anything else. */
    private static Optional<Integer> number(JsonElement value, int min, int max) {
        if (value == null) {
            return Optional.of(0);
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        double number = primitive.getAsDouble();
        if (number != Math.rint(number) || number < min || number > max) {
            return Optional.empty();
        }
        return Optional.of((int) number);
    }
}
