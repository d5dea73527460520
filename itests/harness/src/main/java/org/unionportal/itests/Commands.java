package org.unionportal.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Commands of the machine a test runs on (mount, chown): their exit code, their output printed when they fail. */
public final class Commands {
    private Commands() {
    }

    /** Runs {@code command} to its end; its exit code, or -1 where it could not be run (then why is printed). */
    public static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                System.out.println("[Commands] " + String.join(" ", command) + " -> " + code + ": " + out);
            }
            return code;
        } catch (IOException e) {
            System.out.println("[Commands] " + Arrays.toString(command) + " cannot be run: " + e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
