package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {

    @TempDir
    Path dataDir;

    @Test
    void aKnockWithoutTheKeyIsIgnoredAndTheKeyIsReadableByTheUserOnly() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        try (SingleInstance instance = ((SingleInstance.Claimed) SingleInstance.claim(dataDir)).instance()) {
            instance.listen(() -> {
                shown.incrementAndGet();
                return "shown";
            });
            Properties address = PrivateFiles.read(dataDir.resolve(SingleInstance.ADDRESS_FILE));
            int port = Integer.parseInt(address.getProperty("port"));

            assertThat(knock(port, "show not-the-key")).as("no answer without the key").isNull();
            assertThat(knock(port, "show " + address.getProperty("key"))).isEqualTo("shown");
            assertThat(shown).hasValue(1);
            OwnerOnly.assertOwnerOnly(dataDir.resolve(SingleInstance.ADDRESS_FILE));
        }
        assertThat(dataDir.resolve(SingleInstance.ADDRESS_FILE)).doesNotExist();
    }

    @Test
    void anAddressLeftBehindByAKilledAppDoesNotStopTheNextStart() throws Exception {
        Properties stale = new Properties();
        stale.setProperty("port", "1");
        stale.setProperty("key", "from-a-killed-app");
        PrivateFiles.write(dataDir.resolve(SingleInstance.ADDRESS_FILE), stale, "left behind");

        try (SingleInstance instance = ((SingleInstance.Claimed) SingleInstance.claim(dataDir)).instance()) {
            instance.listen(() -> "shown");
            assertThat(PrivateFiles.read(dataDir.resolve(SingleInstance.ADDRESS_FILE)).getProperty("key"))
                    .isNotEqualTo("from-a-killed-app").hasSize(32);
        }
    }

    private static String knock(int port, String line) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write(line + "\n");
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
