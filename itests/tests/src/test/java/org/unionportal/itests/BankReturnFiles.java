package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bank's return file as a test hands it to a module: the downloaded bank file (CSV) with 结果 and 失败原因 added to
 * every line, the one format both payout modules read ({@code BankReturnFile} in the portal API).
 */
final class BankReturnFiles {
    /** An amount column: ",1500.00,". */
    private static final Pattern AMOUNT = Pattern.compile(",(\\d+)\\.(\\d\\d),");

    private BankReturnFiles() {
    }

    /**
     * Writes the return file of {@code bankFile} into the runs folder as {@code fileName}: the first line containing
     * {@code returnedLine} failed with the bank's {@code reason}, every other line paid. With {@code wrongAmount} that
     * line's amount is one yuan more than the bank file's, so the module finds a problem.
     */
    static Path write(String bankFile, String returnedLine, String reason, boolean wrongAmount, String fileName)
            throws IOException {
        StringBuilder out = new StringBuilder();
        boolean returned = false;
        for (String line : bankFile.replace("\uFEFF", "").split("\\r?\\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("序号")) {
                out.append(line).append(",结果,失败原因\n");
                continue;
            }
            if (returned || !line.contains(returnedLine)) {
                out.append(line).append(",成功,\n");
                continue;
            }
            returned = true;
            String row = line;
            if (wrongAmount) {
                Matcher amount = AMOUNT.matcher(row);
                assertTrue(amount.find(), () -> "no amount in " + line);
                row = row.substring(0, amount.start()) + "," + (Long.parseLong(amount.group(1)) + 1) + "." + amount.group(2) + ","
                        + row.substring(amount.end());
            }
            out.append(row).append(",失败,").append(reason).append('\n');
        }
        boolean found = returned;
        assertTrue(found, () -> "no line with " + returnedLine + " in the bank file: " + bankFile);
        Path dir = Paths.get(System.getProperty("itests.work", "target/runs")).toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
