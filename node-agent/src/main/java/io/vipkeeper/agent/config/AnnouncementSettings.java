package io.vipkeeper.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Gratuitous ARP / unsolicited neighbour advertisement bursts sent for the virtual addresses when an instance
 * becomes MASTER (RFC 9568 §6.4.2 / RFC 3768 §6.4.2: "broadcast a gratuitous ARP request ... for each IP address
 * associated with the virtual router"; the repeats are keepalived's practice, because a single frame can be lost).
 *
 * @param repeat frames per address per burst (keepalived: {@code garp_master_repeat}), 1..100
 * @param secondBurstDelay delay after becoming MASTER before a second burst (keepalived: {@code garp_master_delay});
 *     zero means no second burst
 * @param refreshInterval period of refresh bursts while MASTER (keepalived: {@code garp_master_refresh}); zero
 *     means none
 */
public record AnnouncementSettings(int repeat, Duration secondBurstDelay, Duration refreshInterval) {

    /** keepalived's defaults: 5 frames, a second burst after 5 s, no periodic refresh. */
    public static final AnnouncementSettings DEFAULTS =
            new AnnouncementSettings(5, Duration.ofSeconds(5), Duration.ZERO);

    public AnnouncementSettings {
        Objects.requireNonNull(secondBurstDelay, "secondBurstDelay");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
    }

    /** True when a second burst follows the first one. */
    public boolean hasSecondBurst() {
        return !secondBurstDelay.isZero();
    }

    /** True when bursts repeat periodically while MASTER. */
    public boolean refreshes() {
        return !refreshInterval.isZero();
    }
}
