package com.gametriggers.companion.tunnel;

import java.io.IOException;
import java.net.URISyntaxException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for cloudflared in tests: takes its arguments, serves {@code /ready} and {@code /quicktunnel} on the
 * {@code --metrics} address, logs like cloudflared (a decoy address and the API's own address included, so a test
 * proves the log is not what is read) and, if told, dies after a while. Each start serves a new hostname, as a real
 * quick tunnel does. Behaviour comes from system properties; what it did goes to files in {@code fake.dir}.
 */
public final class FakeCloudflared {

    /**
     * The command that runs it as a child process: the same java that runs the tests, small and quick to start.
     *
     * @param dir        where it records what it did ({@code fake.dir})
     * @param properties more {@code -D} settings, such as {@code -Dfake.mode=fail}
     */
    public static List<String> command(Path dir, String... properties) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfake.dir=" + dir));
        command.addAll(List.of(properties));
        try {
            command.addAll(List.of("-cp",
                    Path.of(FakeCloudflared.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                    FakeCloudflared.class.getName()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return command;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("fake.dir"));
        String mode = System.getProperty("fake.mode", "serve");
        if (mode.equals("sleep")) {
            Thread.sleep(600_000);
            return;
        }
        int run = claimRunNumber(dir);
        long pid = ProcessHandle.current().pid();
        Files.writeString(dir.resolve("run-" + run + ".pid"), Long.toString(pid));
        Files.writeString(dir.resolve("run-" + run + ".args"), String.join(" ", args));
        log("INF Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to"
                + " experiment and try it out. See https://developers.cloudflare.com/cloudflare-one/connections/");
        log("INF Requesting new quick Tunnel on trycloudflare.com...");
        if (mode.equals("fail")) {
            log("ERR failed to request quick Tunnel: Post \"https://api.trycloudflare.com/tunnel\": dial tcp:"
                    + " lookup api.trycloudflare.com: no such host");
            System.exit(1);
        }
        if (!List.of(args).contains("--no-autoupdate")) {
            log("ERR test stand-in: started without --no-autoupdate");
            System.exit(3);
        }
        String metrics = argAfter(args, "--metrics");
        int port = Integer.parseInt(metrics.substring(metrics.lastIndexOf(':') + 1));
        String hostname = "run-" + run + "-quiet-otter.trycloudflare.com";
        long readyAfter = Long.getLong("fake.readyAfterMillis", 300);
        long readyFor = Long.getLong("fake.readyForMillis", -1);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // Counted from here, so that a slow start on a busy machine cannot eat the window in which it is ready.
        long started = System.currentTimeMillis();
        server.createContext("/ready", exchange -> {
            long age = System.currentTimeMillis() - started;
            boolean ready = age >= readyAfter && (readyFor < 0 || age < readyAfter + readyFor);
            respond(exchange, ready ? 200 : 503,
                    "{\"status\":" + (ready ? 200 : 503) + ",\"readyConnections\":" + (ready ? 1 : 0) + "}");
        });
        server.createContext("/quicktunnel", exchange -> respond(exchange, 200,
                "{\"hostname\":\"" + hostname + "\"}"));
        server.start();

        if (Boolean.getBoolean("fake.spawnChild")) {
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-Dfake.dir=" + dir, "-Dfake.mode=sleep", "-Xmx16m",
                    "-cp", System.getProperty("java.class.path"), FakeCloudflared.class.getName())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Files.writeString(dir.resolve("run-" + run + ".child"), Long.toString(child.pid()));
        }

        log("INF +--------------------------------------------------------------------------------------------+");
        log("INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |");
        log("INF |  https://log-only-decoy.trycloudflare.com                                                  |");
        log("INF +--------------------------------------------------------------------------------------------+");
        log("INF Registered tunnel connection connIndex=0 location=fra08 protocol=quic");

        long life = Long.getLong("fake.lifeMillis", -1);
        if (life < 0) {
            Thread.sleep(Long.MAX_VALUE);
        }
        Thread.sleep(readyAfter + life);
        log("ERR Connection terminated error=\"stand-in ends its life\"");
        System.exit(1);
    }

    private static int claimRunNumber(Path dir) throws IOException {
        for (int n = 1; ; n++) {
            try {
                Files.createFile(dir.resolve("run-" + n));
                return n;
            } catch (FileAlreadyExistsException e) {
                // Taken by an earlier start.
            }
        }
    }

    private static String argAfter(String[] args, String flag) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(flag)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("No " + flag);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // cloudflared logs to stderr; the time stamp is there so the lines look like its own.
    private static void log(String line) {
        System.err.println(java.time.Instant.now() + " " + line);
        System.err.flush();
    }
}
