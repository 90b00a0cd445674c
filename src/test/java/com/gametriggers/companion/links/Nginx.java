package com.gametriggers.companion.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.gametriggers.companion.testing.DebianTools;

/**
 * Debian's nginx as the reverse proxy in front of the links listener, as a streamer would run it, started as an
 * unprivileged fixture: its own prefix under {@code target/}, no daemon, every temporary path inside the prefix.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;
    private final Path prefix;

    private Nginx(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    /** Proxies every request to {@code upstreamPort} with the forwarding headers the README tells streamers to set. */
    static Nginx proxyTo(int upstreamPort) throws IOException {
        DebianTools.assumeAvailable("Debian's nginx");
        assertThat(BINARY).as("Debian's nginx, as .ci/run installs it (apt-get install nginx)").exists();
        Path prefix = Path.of("target", "nginx", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(prefix.resolve("logs"));
        int port = freePort();
        String temp = prefix.toString();
        Files.writeString(prefix.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://127.0.0.1:%3$d;
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                """.formatted(temp, port, upstreamPort));
        Process process = new ProcessBuilder(BINARY.toString(), "-p", temp, "-c", prefix.resolve("nginx.conf").toString(),
                "-e", prefix.resolve("logs/startup.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, port, prefix);
        await("nginx listening on " + port).atMost(Duration.ofSeconds(15)).until(() -> {
            assertThat(process.isAlive()).as("nginx is running; see %s", prefix.resolve("logs")).isTrue();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return nginx;
    }

    int port() {
        return port;
    }

    /**
     * One request from a viewer at {@code viewerAddress} (any 127.x.y.z: Linux routes all of 127/8 to loopback), as a
     * phone's browser sends it to the public name; {@code extraHeaders} are lines of its own, such as a forged header.
     *
     * @return the status code
     */
    int get(String viewerAddress, String path, String host, String... extraHeaders) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(viewerAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(15_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String header : extraHeaders) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public String toString() {
        return "nginx on 127.0.0.1:" + port + " (" + prefix + ")";
    }
}
