package io.vipkeeper.agent.vrrp.wire;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of received packets: accepted, dropped by {@link DropReason}, and {@link AcceptNote}s. One writer (the
 * receive thread); readers (the metrics exporter) may be other threads, hence atomic slots, never a lock.
 */
public final class ReceiveCounters {
    private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);
    private final AtomicLongArray notes = new AtomicLongArray(AcceptNote.values().length);
    private final AtomicLongArray accepted = new AtomicLongArray(1);

    /** Counts one validation outcome. */
    public void record(ValidationResult result) {
        switch (result) {
            case ValidationResult.Accepted a -> {
                accepted.incrementAndGet(0);
                for (AcceptNote n : a.notes()) {
                    notes.incrementAndGet(n.ordinal());
                }
            }
            case ValidationResult.Dropped d -> drops.incrementAndGet(d.reason().ordinal());
        }
    }

    /** Packets accepted so far. */
    public long accepted() {
        return accepted.get(0);
    }

    /** Packets dropped for this reason so far. */
    public long dropped(DropReason reason) {
        return drops.get(reason.ordinal());
    }

    /** Accepted packets that carried this note so far. */
    public long noted(AcceptNote note) {
        return notes.get(note.ordinal());
    }

    /** Packets dropped for any reason so far. */
    public long droppedTotal() {
        long sum = 0;
        for (int i = 0; i < drops.length(); i++) {
            sum += drops.get(i);
        }
        return sum;
    }

    /** A copy of the drop counts, every reason present (0 when none). */
    public Map<DropReason, Long> dropSnapshot() {
        Map<DropReason, Long> map = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            map.put(r, drops.get(r.ordinal()));
        }
        return map;
    }

    /** A copy of the note counts, every note present. */
    public Map<AcceptNote, Long> noteSnapshot() {
        Map<AcceptNote, Long> map = new EnumMap<>(AcceptNote.class);
        for (AcceptNote n : AcceptNote.values()) {
            map.put(n, notes.get(n.ordinal()));
        }
        return map;
    }
}
