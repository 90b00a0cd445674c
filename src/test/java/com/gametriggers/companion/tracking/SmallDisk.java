package com.gametriggers.companion.tracking;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.gametriggers.companion.testing.DebianTools;

/**
 * A real file system of a few MiB that a test can fill up and free again: a tmpfs mounted under {@code target/}. Only
 * root can mount one, as CI runs; elsewhere the test is skipped, unless {@value #REQUIRED} is set (CI sets it, so
 * the test cannot silently stop running there).
 */
public final class SmallDisk implements AutoCloseable {

    static final String REQUIRED = "FULL_DISK_TEST_REQUIRED";

    private final Path root;
    private final Path filler;

    private SmallDisk(Path root) {
        this.root = root;
        this.filler = root.resolve("filler");
    }

    public static SmallDisk mount(int megabytes) throws IOException, InterruptedException {
        DebianTools.assumeAvailable("a tmpfs mounted as root");
        Path root = Path.of("target", "small-disk-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(root);
        String output = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", root.toString()));
        if (output != null) {
            Files.delete(root);
            String reason = "A tmpfs cannot be mounted here (" + output.strip() + "); it needs root on Linux";
            if (System.getenv(REQUIRED) != null) {
                throw new IllegalStateException(reason + ", and " + REQUIRED + " is set");
            }
            Assumptions.abort(reason);
        }
        return new SmallDisk(root);
    }

    public Path root() {
        return root;
    }

    /** Writes one file until the disk has no room left, as a recording filling it does. */
    public void fill() throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
        }
    }

    public void free() throws IOException {
        Files.delete(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String output = run(List.of("umount", "--lazy", root.toString()));
        if (output != null) {
            throw new IOException("The small disk could not be unmounted: " + output);
        }
        Files.delete(root);
    }

    /** Null when the command succeeded, else what it said. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notThere) {
            return notThere.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return command.get(0) + " did not finish";
        }
        return process.exitValue() == 0 ? null : output;
    }
}
