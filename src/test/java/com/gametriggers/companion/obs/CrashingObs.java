package com.gametriggers.companion.obs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * An OBS that dies mid-request: it upgrades one connection by hand, says Hello, identifies whatever it is sent, and
 * drops the TCP connection without a close frame when the first request arrives. OkHttp's server-side WebSocket can
 * only close with a frame, so this one speaks the WebSocket framing itself.
 */
final class CrashingObs implements AutoCloseable {

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final Thread thread = new Thread(this::serveOne, "crashing-obs");

    CrashingObs() throws IOException {
        thread.setDaemon(true);
        thread.start();
    }

    ObsConnectionSettings settings() {
        return new ObsConnectionSettings(server.getInetAddress().getHostAddress(), server.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serveOne() {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String key = webSocketKey(in);
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            textFrame(out, "{\"op\":0,\"d\":{\"obsWebSocketVersion\":\"5.5.4\",\"rpcVersion\":1}}");
            readFrame(in); // Identify
            textFrame(out, "{\"op\":2,\"d\":{\"negotiatedRpcVersion\":1}}");
            readFrame(in); // the first request: crash without answering
        } catch (IOException e) {
            // closed by the test
        }
    }

    /** Reads the HTTP upgrade request byte by byte, so no WebSocket bytes end up in a reader's buffer. */
    private static String webSocketKey(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            head.append((char) b);
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(head.toString().getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        throw new IOException("no Sec-WebSocket-Key");
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** An unmasked text frame, as servers send them; the messages here are all under 126 bytes. */
    private static void textFrame(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        out.write(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Skips one client frame (always masked). */
    private static void readFrame(InputStream in) throws IOException {
        in.readNBytes(1);
        int length = in.readNBytes(1)[0] & 0x7f;
        if (length == 126) {
            byte[] extended = in.readNBytes(2);
            length = ((extended[0] & 0xff) << 8) | (extended[1] & 0xff);
        } else if (length == 127) {
            throw new IOException("not expected here");
        }
        in.readNBytes(4 + length);
    }
}
