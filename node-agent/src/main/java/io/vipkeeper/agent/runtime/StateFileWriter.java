package io.vipkeeper.agent.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the agent's snapshots as JSON to a file (keepalived's data dump, as JSON), atomically (write a temporary
 * file, then rename), on its own thread: the VRRP loop only hands over the newest snapshot, and snapshots that
 * arrive while a write is under way are coalesced into the next write.
 */
public final class StateFileWriter implements Consumer<AgentSnapshot>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateFileWriter.class);
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final AtomicReference<AgentSnapshot> pending = new AtomicReference<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "state-file");
        t.setDaemon(true);
        return t;
    });

    public StateFileWriter(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public void accept(AgentSnapshot snapshot) {
        if (pending.getAndSet(snapshot) == null) {
            writer.execute(this::writePending);
        }
    }

    private void writePending() {
        AgentSnapshot s = pending.getAndSet(null);
        if (s != null) {
            write(s);
        }
    }

    /** Writes this snapshot now, on the caller's thread (used once more at exit). */
    public synchronized void write(AgentSnapshot snapshot) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(snapshot));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not write the state file {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
