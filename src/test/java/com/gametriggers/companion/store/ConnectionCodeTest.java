package com.gametriggers.companion.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The code a streamer pastes: both spellings the platform hands out, and one sentence for each way it can be wrong. */
class ConnectionCodeTest {

    private static final String URI = "mongodb+srv://streamer-64b7f0c2a1e4d3b2c1a09f8e:p%40ss+w%2Frd@cluster0.example.net/"
            + "gametriggers?authSource=gametriggers";
    private static final String USER = "64b7f0c2a1e4d3b2c1a09f8e";

    @Test
    void theLinkSpellingCarriesTheAddressTheUserAndTheNameEachUrlEncoded() {
        ConnectionCode code = ConnectionCode.parse("  gametriggers://connect?uri=" + java.net.URLEncoder.encode(URI,
                StandardCharsets.UTF_8) + "&user=" + USER + "&name=Ana%20Mar%C3%ADa\n");

        assertThat(code.mongoUri()).isEqualTo(URI);
        assertThat(code.userId()).isEqualTo(USER);
        assertThat(code.displayName()).isEqualTo("Ana María");
        assertThat(ConnectionCode.parse(code.toUrl())).isEqualTo(code);
    }

    @Test
    void theBase64SpellingIsTheSameValuesAsJsonEvenWrappedOverLines() {
        String json = "{\"uri\": \"" + URI + "\", \"userId\": \"" + USER.toUpperCase() + "\", \"name\": \"Alice\"}";
        String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));

        ConnectionCode code = ConnectionCode.parse(base64.substring(0, 40) + "\n" + base64.substring(40));

        assertThat(code).isEqualTo(new ConnectionCode(URI, USER, "Alice"));
    }

    @Test
    void thePasswordNeverShows() {
        ConnectionCode code = new ConnectionCode(URI, USER, "Alice");

        assertThat(code.toString()).doesNotContain("p%40ss").contains("streamer-64b7f0c2a1e4d3b2c1a09f8e:****@");
        assertThat(code.address()).doesNotContain("p%40ss");
    }

    @Test
    void eachWrongCodeGetsOneSentenceSayingWhatIsWrong() {
        assertThatThrownBy(() -> ConnectionCode.parse("  ")).hasMessage(
                "Paste the connection code the GameTriggers platform gave you.");
        assertThatThrownBy(() -> ConnectionCode.parse("hello there")).hasMessageStartingWith(
                "This is not a GameTriggers connection code");
        assertThatThrownBy(() -> ConnectionCode.parse(Base64.getUrlEncoder().encodeToString("not json".getBytes(
                StandardCharsets.UTF_8)))).hasMessageStartingWith("This is not a GameTriggers connection code");
        assertThatThrownBy(() -> ConnectionCode.parse("gametriggers://connect?user=" + USER + "&name=A"))
                .hasMessage("The connection code has no MongoDB address.");
        assertThatThrownBy(() -> ConnectionCode.parse("gametriggers://connect?uri=http%3A%2F%2Fx&user=" + USER + "&name=A"))
                .hasMessage("The connection code's MongoDB address must start with mongodb:// or mongodb+srv://.");
        assertThatThrownBy(() -> new ConnectionCode("mongodb://secret:pw@", USER, "A"))
                .hasMessageStartingWith("The connection code's MongoDB address is not valid").hasMessageNotContaining(":pw@");
        assertThatThrownBy(() -> new ConnectionCode(URI, "alice", "A")).hasMessage(
                "The connection code's user id must be a platform user id (24 hexadecimal characters).");
        assertThatThrownBy(() -> new ConnectionCode(URI, USER, "")).hasMessageStartingWith(
                "The connection code's name must be one line");
        assertThatThrownBy(() -> new ConnectionCode(URI, USER, "two\nlines")).hasMessageStartingWith(
                "The connection code's name must be one line");
        assertThatThrownBy(() -> ConnectionCode.parse("gametriggers://connect?uri=%zz&user=" + USER + "&name=A"))
                .hasMessageStartingWith("The connection code is damaged");
    }
}
