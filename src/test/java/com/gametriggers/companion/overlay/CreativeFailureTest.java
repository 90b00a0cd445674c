package com.gametriggers.companion.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

/** What the streamer reads for each thing the page can have seen, and only what the facts support. */
class CreativeFailureTest {

    @Test
    void aVideoThatLoadedButWouldNotPlayIsAFormatOBSsBrowserLacks() {
        String expected = "OBS could not show Echo Gear's video: the format is not supported by OBS's browser. "
                + "Ask the sponsor for an MP4 (H.264) or WebM, or an image.";
        assertThat(new CreativeFailure(true, 3, 0, false).sentence("Echo Gear")).isEqualTo(expected);
        assertThat(new CreativeFailure(true, 4, 200, false).sentence("Echo Gear")).isEqualTo(expected);
    }

    @Test
    void aStatusTheServerAnsweredIsSaid() {
        assertThat(new CreativeFailure(false, 0, 404, false).sentence("Echo Gear")).isEqualTo(
                "OBS could not show Echo Gear's image: its address answers HTTP 404 (not found). "
                        + "Ask the sponsor for a working address.");
        assertThat(new CreativeFailure(true, 4, 503, false).sentence("Echo Gear"))
                .contains("its address answers HTTP 503. ");
    }

    @Test
    void aCreativeFromAnotherHostWhoseStatusThePageCannotReadIsNotGuessed() {
        assertThat(new CreativeFailure(true, 4, 0, false).sentence("Echo Gear")).isEqualTo(
                "OBS could not show Echo Gear's video: its address could not be loaded, or OBS's browser cannot show its "
                        + "format. Check that the address opens in a browser; if it does, ask the sponsor for an MP4 "
                        + "(H.264) or WebM, or an image.");
        assertThat(new CreativeFailure(false, 0, 200, false).sentence("Echo Gear")).isEqualTo(
                "OBS could not show Echo Gear's image: the file is not an image OBS's browser can show. "
                        + "Ask the sponsor for a PNG, JPEG, GIF, WebP or SVG.");
    }

    @Test
    void aBlockedAddressAndABrokenDownloadSayWhatToDo() {
        assertThat(new CreativeFailure(false, 0, 0, true).sentence("Echo Gear")).isEqualTo(
                "OBS could not show Echo Gear's image: its address is not https, and the overlay loads sponsors' "
                        + "creatives over https only. Ask the sponsor for an https address.");
        assertThat(new CreativeFailure(true, 2, 0, false).sentence("Echo Gear")).contains("its download broke off");
        assertThat(new CreativeFailure(true, 3, 0, false).sentence("Lumen Labs")).startsWith("OBS could not show Lumen Labs' video: ");
    }

    @Test
    void aReportIsReadStrictly() {
        assertThat(CreativeFailure.read(JsonParser.parseString("{\"ticket\":\"t\",\"media\":\"video\",\"mediaError\":4,"
                + "\"httpStatus\":404,\"blocked\":false}").getAsJsonObject()))
                .contains(new CreativeFailure(true, 4, 404, false));
        assertThat(CreativeFailure.read(JsonParser.parseString("{\"media\":\"image\"}").getAsJsonObject()))
                .contains(new CreativeFailure(false, 0, 0, false));
        for (String refused : new String[] {"{}", "{\"media\":1}", "{\"media\":\"video\",\"mediaError\":-1}",
                "{\"media\":\"video\",\"httpStatus\":600}", "{\"media\":\"video\",\"blocked\":1}",
                "{\"media\":\"video\",\"mediaError\":[3]}"}) {
            assertThat(CreativeFailure.read(JsonParser.parseString(refused).getAsJsonObject())).as(refused).isEmpty();
        }
    }
}
