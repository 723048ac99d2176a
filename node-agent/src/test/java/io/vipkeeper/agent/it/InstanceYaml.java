package io.vipkeeper.agent.it;

import java.util.ArrayList;
import java.util.List;

/**
 * One instance of the standalone agent's YAML ({@code instances:} entry), built fluently; {@link #file} joins
 * instances into a whole configuration file. Only the keys a test sets are written; the rest take the agent's
 * defaults.
 */
final class InstanceYaml {
    private final String name;
    private int vrid = 51;
    private int priority = 100;
    private int version = 3;
    private String interval = "100ms";
    private Boolean preempt;
    private String preemptDelay;
    private Boolean checksumWithPseudoHeader;
    private final List<String> addresses = new ArrayList<>();
    private final List<String> unicastPeers = new ArrayList<>();
    private String notifyCommand;
    private String announcements;

    private InstanceYaml(String name) {
        this.name = name;
    }

    static InstanceYaml instance(String name) {
        return new InstanceYaml(name);
    }

    InstanceYaml vrid(int v) {
        vrid = v;
        return this;
    }

    InstanceYaml priority(int p) {
        priority = p;
        return this;
    }

    /** VRRPv2, with the whole-second interval it needs. */
    InstanceYaml v2(String wholeSeconds) {
        version = 2;
        interval = wholeSeconds;
        return this;
    }

    InstanceYaml interval(String i) {
        interval = i;
        return this;
    }

    InstanceYaml preempt(boolean p) {
        preempt = p;
        return this;
    }

    InstanceYaml preemptDelay(String d) {
        preemptDelay = d;
        return this;
    }

    InstanceYaml checksumWithPseudoHeader(boolean c) {
        checksumWithPseudoHeader = c;
        return this;
    }

    InstanceYaml address(String cidr) {
        addresses.add(cidr);
        return this;
    }

    InstanceYaml unicastPeer(String address) {
        unicastPeers.add(address);
        return this;
    }

    /** A notify exec hook: the command (relative to --script-dir) gets keepalived's argv appended. */
    InstanceYaml notifyCommand(String command) {
        notifyCommand = command;
        return this;
    }

    /** The announcements block, e.g. {@code "{repeat: 2, secondBurstDelay: 0s}"}. */
    InstanceYaml announcements(String flowMapping) {
        announcements = flowMapping;
        return this;
    }

    String toYaml() {
        StringBuilder y = new StringBuilder();
        y.append("  - name: ").append(name).append('\n');
        y.append("    interface: eth0\n");
        y.append("    virtualRouterId: ").append(vrid).append('\n');
        y.append("    priority: ").append(priority).append('\n');
        y.append("    version: ").append(version).append('\n');
        y.append("    advertisementInterval: ").append(interval).append('\n');
        if (preempt != null) {
            y.append("    preempt: ").append(preempt).append('\n');
        }
        if (preemptDelay != null) {
            y.append("    preemptDelay: ").append(preemptDelay).append('\n');
        }
        if (checksumWithPseudoHeader != null) {
            y.append("    checksumWithPseudoHeader: ").append(checksumWithPseudoHeader).append('\n');
        }
        y.append("    addresses: [").append(String.join(", ", addresses)).append("]\n");
        if (!unicastPeers.isEmpty()) {
            y.append("    unicastPeers: [").append(String.join(", ", unicastPeers)).append("]\n");
        }
        if (announcements != null) {
            y.append("    announcements: ").append(announcements).append('\n');
        }
        if (notifyCommand != null) {
            y.append("    notify:\n      exec: {command: [").append(notifyCommand).append("]}\n");
        }
        return y.toString();
    }

    /** A whole configuration file with these instances. */
    static String file(InstanceYaml... instances) {
        StringBuilder y = new StringBuilder("instances:\n");
        for (InstanceYaml i : instances) {
            y.append(i.toYaml());
        }
        return y.toString();
    }
}
