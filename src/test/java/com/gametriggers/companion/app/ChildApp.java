package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app started the way a streamer or a script starts it: {@code Main} in its own JVM, with its output read line by
 * line. Always uses the embedded store, whatever {@code MONGODB_URI} the test run has.
 */
public final class ChildApp implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();
    private final List<Thread> pumps = new ArrayList<>();

    private ChildApp(Process process) {
        this.process = process;
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), stdout::add);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)),
                line -> stderr.append(line).append('\n'));
    }

    public static ChildApp start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /**
     * The desktop app, window and all, on JavaFX's headless Monocle platform with software rendering, as the UI tests
     * run it: no display needed, and no tray (so a closed window asks, or follows the kept choice).
     */
    public static ChildApp desktop(String... args) throws IOException {
        return start(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true"), args);
    }

    private static ChildApp start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        if (!command.contains("--links-port")) {
            // A free port: the default one may be taken by a running app, or by another test's child.
            command.addAll(List.of("--links-port", "0"));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("MONGODB_URI");
        return new ChildApp(builder.start());
    }

    private void pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended; what it printed so far has been kept
            }
        }, "child-output");
        thread.setDaemon(true);
        thread.start();
        pumps.add(thread);
    }

    /** Waits for a line of stdout matching {@code pattern} and returns its first group. */
    public String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = stdout.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.matches()) {
                    return matcher.group(1);
                }
            } else if (!process.isAlive() && stdout.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line matching " + pattern + "; stderr:\n" + stderr);
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; stderr:\n" + stderr);
        }
        for (Thread pump : pumps) {
            pump.join(TimeUnit.SECONDS.toMillis(10)); // the last lines the process printed
        }
        return process.exitValue();
    }

    /**
     * Sends SIGTERM, as a service manager does. Through the handle, because {@link Process#destroy()} also closes
     * the pipes, and the app's last lines would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    public long pid() {
        return process.pid();
    }

    public String stderr() {
        return stderr.toString();
    }

    /** SIGKILL, as a crash or a killed terminal does, then makes sure the process is gone; returns its exit code. */
    public int kill() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        assertThat(handle.descendants().count()).as("the app started no processes of its own").isZero();
        assertThat(handle.destroyForcibly()).as("SIGKILL sent").isTrue();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("gone within 10 s of SIGKILL").isTrue();
        assertThat(handle.isAlive()).isFalse();
        assertThat(ProcessHandle.of(handle.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
