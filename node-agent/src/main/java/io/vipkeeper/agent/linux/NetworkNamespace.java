package io.vipkeeper.agent.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dedicated platform thread that lives in another network namespace, to open sockets there.
 *
 * <p>{@code setns(fd, CLONE_NEWNET)} moves only the calling OS thread, and a socket stays in the namespace it was
 * created in: a socket (or rtnetlink channel) opened by a task of {@link #call} belongs to the target namespace
 * and may then be used from any thread. The thread enters the namespace once, and before running anything checks
 * that it really is there (the inode of {@code /proc/thread-self/ns/net} equals the target's), so a failure can
 * never leave a task running in the host's namespace. Only platform threads can do this: a virtual thread may
 * move between carrier threads.
 *
 * <p>Used by the agent when it manages an interface in a namespace other than its own, and by the tests, which
 * open all their sockets in namespaces they created.
 */
public final class NetworkNamespace implements AutoCloseable {
    private static final Pattern NS_LINK = Pattern.compile("net:\\[(\\d+)]");

    private final Path file;
    private final ExecutorService thread;

    private NetworkNamespace(Path file, ExecutorService thread) {
        this.file = file;
        this.thread = thread;
    }

    /** Enters the named namespace ({@code /run/netns/<name>}, as {@code ip netns add} creates it). */
    public static NetworkNamespace enter(String name) throws LinuxException {
        if (name.isEmpty() || name.contains("/")) {
            throw new LinuxException("not a network namespace name: '" + name + "'");
        }
        return enter(Path.of("/run/netns", name));
    }

    /** Enters the namespace behind a file (a bind mount under /run/netns, or /proc/PID/ns/net). */
    public static NetworkNamespace enter(Path namespaceFile) throws LinuxException {
        ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("netns-" + namespaceFile.getFileName())
                .daemon(true)
                .factory());
        NetworkNamespace ns = new NetworkNamespace(namespaceFile, thread);
        try {
            ns.call(() -> {
                enterOnThisThread(namespaceFile);
                return null;
            });
        } catch (LinuxException e) {
            thread.shutdownNow();
            throw e;
        } catch (Exception e) {
            thread.shutdownNow();
            throw new LinuxException("entering " + namespaceFile + " failed", e);
        }
        return ns;
    }

    private static void enterOnThisThread(Path namespaceFile) throws LinuxException {
        long target = inodeOf(namespaceFile);
        int fd = Libc.open(namespaceFile.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC);
        try {
            Libc.setns(fd, Libc.CLONE_NEWNET);
        } finally {
            Libc.closeQuietly(fd);
        }
        long now = currentThreadNamespaceInode();
        if (now != target) {
            throw new LinuxException("after setns the thread is in net namespace " + now + ", not " + target
                    + " (" + namespaceFile + ")");
        }
    }

    /** The inode number of the calling thread's network namespace ({@code /proc/thread-self/ns/net}). */
    public static long currentThreadNamespaceInode() throws LinuxException {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
            Matcher m = NS_LINK.matcher(link);
            if (!m.matches()) {
                throw new LinuxException("unexpected /proc/thread-self/ns/net link: " + link);
            }
            return Long.parseLong(m.group(1));
        } catch (IOException e) {
            throw new LinuxException("reading /proc/thread-self/ns/net", e);
        }
    }

    /** The inode of a namespace file, which is the namespace's identity. */
    public static long inodeOf(Path namespaceFile) throws LinuxException {
        try {
            return ((Number) Files.getAttribute(namespaceFile, "unix:ino")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new LinuxException("stat " + namespaceFile, e);
        }
    }

    /**
     * Runs a task on the namespace's thread and waits for it. The task's exception is rethrown as is (a
     * LinuxException stays a LinuxException).
     */
    public <T> T call(Callable<T> task) throws Exception {
        Future<T> result = thread.submit(task);
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** The namespace file this thread entered. */
    public Path file() {
        return file;
    }

    /** Stops the thread. Sockets opened through it stay open and stay in the namespace. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
