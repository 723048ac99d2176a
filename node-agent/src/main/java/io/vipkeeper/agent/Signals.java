package io.vipkeeper.agent;

import sun.misc.Signal;

/**
 * POSIX signals for the standalone agent. The JVM turns SIGTERM into shutdown hooks and an exit status of 143;
 * keepalived users expect a clean stop with status 0, and SIGHUP to reload, so the agent handles both itself
 * ({@code sun.misc.Signal}, the supported way in the {@code jdk.unsupported} module).
 */
final class Signals {
    private Signals() {}

    /** Runs the action on SIGTERM and SIGINT. */
    static void onTerminate(Runnable action) {
        Signal.handle(new Signal("TERM"), s -> action.run());
        Signal.handle(new Signal("INT"), s -> action.run());
    }

    /** Runs the action on SIGHUP. */
    static void onHangup(Runnable action) {
        Signal.handle(new Signal("HUP"), s -> action.run());
    }
}
