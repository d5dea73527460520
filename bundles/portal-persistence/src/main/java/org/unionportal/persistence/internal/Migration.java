package org.unionportal.persistence.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One migration script, {@code V<version>__<description>.sql}. */
record Migration(int version, String description, String sql) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_\\-]+)\\.sql");

    /** Reads version and description from a resource's file name; empty if the name does not fit. */
    static Optional<Migration> of(String fileName, String sql) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql));
    }

    /**
     * The scripts to run on one database: the common ones of {@code db/migration/}, each replaced by the
     * script of the same version in the database's own folder ({@code db/migration/postgresql/}), if
     * there is one. A database's history records the checksum of the script it ran, so a replacement
     * changes nothing for the other database's installations.
     */
    static List<Migration> forDialect(List<Migration> common, List<Migration> dialectOwn) {
        java.util.TreeMap<Integer, Migration> byVersion = new java.util.TreeMap<>();
        for (Migration m : common) {
            if (byVersion.put(m.version(), m) != null) {
                throw new IllegalArgumentException("Two migrations with version " + m.version());
            }
        }
        for (Migration m : dialectOwn) {
            byVersion.put(m.version(), m);
        }
        return List.copyOf(byVersion.values());
    }

    String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The script's statements: separated by a {@code ;} that ends a line, with {@code --} comment
     * lines dropped (JDBC drivers take one statement at a time, without the semicolon).
     */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                add(statements, current);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
