package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a folder, for a disk a test can fill to the last byte (full-disk tests). Needs root: the
 * test is skipped where it does not run as root or the mount is refused. Unmounted by {@link #close}, and by a
 * shutdown hook should the test's JVM be ended first.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;
    private volatile boolean mounted;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (e.g. "48m") on {@code dir} (made where missing); {@code options} as mount's -o, comma-separated. */
    public static Tmpfs mount(Path dir, String size, String options) {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tmpfs tmpfs = new Tmpfs(dir);
        String all = "size=" + size + (options == null || options.isBlank() ? "" : "," + options);
        tmpfs.mounted = Commands.run("mount", "-t", "tmpfs", "-o", all, "tmpfs", dir.toString()) == 0;
        Assumptions.assumeTrue(tmpfs.mounted, "cannot mount a tmpfs here");
        Runtime.getRuntime().addShutdownHook(new Thread(tmpfs::close, "unmount-" + dir.getFileName()));
        return tmpfs;
    }

    public Path path() {
        return dir;
    }

    /** Writes {@code name} in this tmpfs until it has no byte left (in ever smaller pieces, down to single bytes). */
    public Path fill(String name) throws IOException {
        Path file = dir.resolve(name);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int size = chunk.length; size > 0; size /= 4) {
                try {
                    while (true) {
                        out.write(chunk, 0, size);
                        out.flush();
                    }
                } catch (IOException full) {
                    // smaller pieces next
                }
            }
        } catch (IOException closing) {
            // the last buffered bytes did not fit either: the disk is full
        }
        assertEquals(0, Files.getFileStore(dir).getUsableSpace(), "the tmpfs is not full");
        return file;
    }

    /** Unmounts (lazily: whatever still holds files there lets go when it ends); nothing when unmounted already. */
    @Override
    public synchronized void close() {
        if (mounted) {
            mounted = Commands.run("umount", "-l", dir.toString()) != 0;
        }
    }
}
