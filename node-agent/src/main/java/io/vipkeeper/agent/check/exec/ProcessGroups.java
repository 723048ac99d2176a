package io.vipkeeper.agent.check.exec;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Kills a whole process group with one libc {@code kill(-pgid, SIGKILL)} through {@code java.lang.foreign}.
 *
 * <p>Java's {@code ProcessBuilder} cannot call {@code setsid(2)}, so scripts are started through util-linux
 * {@code setsid}, which (the JVM's child is not a group leader) calls {@code setsid()} and execs the command in
 * place: the script's pid is its process group id. Everything it forks stays in that group unless it deliberately
 * starts its own session, so one signal to the group reaches the script and its children, in one system call,
 * with no race against a child forking while descendants are being listed.
 */
// The libc downcall is a restricted method by design; the agent runs with --enable-native-access.
@SuppressWarnings("restricted")
public final class ProcessGroups {
    /** Polite termination; scripts should exit on it (keepalived.conf(5), "SCRIPTS"). */
    public static final int SIGTERM = 15;
    /** Forced termination. */
    public static final int SIGKILL = 9;
    private static final MethodHandle KILL;

    static {
        Linker linker = Linker.nativeLinker();
        KILL = linker.downcallHandle(
                linker.defaultLookup().find("kill").orElseThrow(() -> new ExceptionInInitializerError("no kill(2)")),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private ProcessGroups() {}

    /**
     * Sends SIGKILL to every process in group {@code pgid}.
     *
     * @return true when the signal was delivered to at least one process
     */
    public static boolean killGroup(long pgid) {
        return signalGroup(pgid, SIGKILL);
    }

    /**
     * Sends {@code signal} to every process in group {@code pgid}.
     *
     * @return true when the signal was delivered to at least one process
     */
    public static boolean signalGroup(long pgid, int signal) {
        if (pgid <= 1) {
            // kill(0) or kill(-1) would hit our own group or every process; never.
            return false;
        }
        try {
            return (int) KILL.invokeExact(-(int) pgid, signal) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /** The process group of {@code pid}, read from {@code /proc/<pid>/stat}; empty when the process is gone. */
    public static OptionalLong processGroupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may contain spaces and parentheses): state ppid pgrp ...
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(rest[2]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
