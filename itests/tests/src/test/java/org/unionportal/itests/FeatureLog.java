package org.unionportal.itests;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What Karaf's features service wrote to {@code data/log/karaf.log} since a mark: the bundles it
 * stopped, started and refreshed. Independent of the portal's own counters, so it also sees a
 * refresh of portal-core itself (which resets those counters).
 */
final class FeatureLog {

    record Action(String section, String bundle, String line) {
    }

    private static final Set<String> SECTIONS = Set.of("Stopping bundles:", "Starting bundles:", "Refreshing bundles:");

    private final Path log;
    private final long mark;

    private FeatureLog(Path log, long mark) {
        this.log = log;
        this.mark = mark;
    }

    static FeatureLog mark(Distribution portal) {
        return mark(portal.home().resolve("data/log/karaf.log"));
    }

    static FeatureLog mark(Path log) {
        try {
            return new FeatureLog(log, Files.exists(log) ? Files.size(log) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every bundle stopped, started or refreshed by the features service since the mark. */
    List<Action> actions() {
        List<Action> actions = new ArrayList<>();
        String section = null;
        for (String line : linesSinceMark()) {
            String[] parts = line.split(" \\| ", 6);
            if (parts.length < 6) {
                continue; // a stack trace line or such
            }
            if (!parts[3].trim().equals("FeaturesServiceImpl")) {
                section = null;
                continue;
            }
            String message = parts[5];
            if (SECTIONS.contains(message.trim())) {
                section = message.trim();
            } else if (section != null && message.startsWith("  ")) {
                String entry = message.trim();
                int slash = entry.indexOf('/');
                actions.add(new Action(section, slash > 0 ? entry.substring(0, slash) : entry, entry));
            } else {
                section = null;
            }
        }
        return actions;
    }

    /** Actions on any bundle but {@code allowed}. */
    List<Action> actionsOnOthersThan(String allowed) {
        return actions().stream().filter(a -> !a.bundle().equals(allowed)).toList();
    }

    /** The lines written since the mark that contain {@code text}. */
    List<String> linesContaining(String text) {
        return linesSinceMark().stream().filter(l -> l.contains(text)).toList();
    }

    private List<String> linesSinceMark() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = length < mark ? 0 : mark; // rolled over: read all of the new file
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
