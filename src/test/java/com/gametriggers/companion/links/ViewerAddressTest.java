package com.gametriggers.companion.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;

/** Whose click it is, from the socket or from the one hop the local proxy added. */
class ViewerAddressTest {

    private static final InetAddress PROXY = InetAddress.getLoopbackAddress();

    private static Headers headers(String... namesAndValues) {
        Headers headers = new Headers();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void withoutAPublicAddressTheSocketSaysWhoItIs() {
        assertThat(ViewerAddress.of(PROXY, headers("X-Forwarded-For", "203.0.113.7"), false)).isEqualTo("127.0.0.1");
    }

    @Test
    void fromAPeerThatIsNotThisMachineHeadersAreIgnored() throws UnknownHostException {
        InetAddress phone = InetAddress.getByName("192.168.1.20");

        assertThat(ViewerAddress.of(phone, headers("X-Forwarded-For", "203.0.113.7"), true)).isEqualTo("192.168.1.20");
    }

    @Test
    void theRightmostForwardedForIsTheHopTheProxyAdded() {
        assertThat(ViewerAddress.of(PROXY, headers("X-Forwarded-For", "198.51.100.1, 203.0.113.7"), true))
                .isEqualTo("203.0.113.7");
        assertThat(ViewerAddress.of(PROXY, headers("X-Forwarded-For", "198.51.100.1", "X-Forwarded-For", "203.0.113.8"), true))
                .as("several headers are one list").isEqualTo("203.0.113.8");
        assertThat(ViewerAddress.of(PROXY, headers("X-Forwarded-For", "2001:db8::5"), true)).isEqualTo("2001:db8::5");
    }

    @Test
    void forwardedNamesTheLastElementsFor() {
        assertThat(ViewerAddress.of(PROXY, headers("Forwarded", "for=198.51.100.1, for=203.0.113.9;proto=https"), true))
                .isEqualTo("203.0.113.9");
        assertThat(ViewerAddress.of(PROXY, headers("Forwarded", "For=\"[2001:db8:cafe::17]:4711\""), true))
                .isEqualTo("2001:db8:cafe::17");
        assertThat(ViewerAddress.of(PROXY, headers("Forwarded", "for=203.0.113.9:51000"), true)).isEqualTo("203.0.113.9");
    }

    @Test
    void singleValueHeadersComeAfterTheLists() {
        assertThat(ViewerAddress.of(PROXY, headers("X-Real-IP", "203.0.113.10"), true)).isEqualTo("203.0.113.10");
        assertThat(ViewerAddress.of(PROXY, headers("CF-Connecting-IP", "203.0.113.11"), true)).isEqualTo("203.0.113.11");
        assertThat(ViewerAddress.of(PROXY, headers("X-Real-IP", "203.0.113.10", "X-Forwarded-For", "203.0.113.12"), true))
                .isEqualTo("203.0.113.12");
    }

    @Test
    void whatIsNotAnAddressLeavesTheProxyAsTheClient() {
        for (String junk : new String[] {"unknown", "evil.example", "999.1.1.1", "", "_hidden", "1.2.3.4.5",
                "a".repeat(100)}) {
            assertThat(ViewerAddress.of(PROXY, headers("X-Forwarded-For", junk), true)).as(junk).isEqualTo("127.0.0.1");
        }
        assertThat(ViewerAddress.of(PROXY, headers(), true)).as("no header: the proxy is one client").isEqualTo("127.0.0.1");
    }
}
