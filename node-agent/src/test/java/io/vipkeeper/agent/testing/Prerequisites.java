package io.vipkeeper.agent.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a test needs from the machine: root, or a command on the PATH.
 *
 * <p>On a laptop a missing prerequisite skips the test with a reason. With {@code CI=true} it fails the test
 * instead, so CI can never go green by skipping the dataplane tier.
 */
public final class Prerequisites {
    private Prerequisites() {}

    /** True when the environment says this is a CI run. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Requires uid 0 (network namespaces, raw sockets, keepalived). */
    public static void requireRoot() {
        require(isRoot(), "needs root (network namespaces and raw sockets); run as root or in CI");
    }

    /** Requires an executable of this name on the PATH. */
    public static void requireCommand(String command) {
        require(onPath(command), "needs '" + command + "' on the PATH (.ci/run installs it)");
    }

    public static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return "0".equals(out);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return true;
            }
        }
        // root's PATH may lack the sbin directories that keepalived and ip live in
        for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/local/sbin"}) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void require(boolean condition, String reason) {
        if (condition) {
            return;
        }
        if (inCi()) {
            fail("CI=true and a prerequisite is missing: " + reason);
        }
        assumeTrue(false, reason);
    }
}
