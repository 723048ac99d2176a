package io.vipkeeper.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.api.v1alpha1.Durations;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties over generated values: intervals in wire units, address text round trips. */
class ConfigPropertiesTest {

    private static final String TEMPLATE = """
            instances:
              - {name: a, interface: eth0, virtualRouterId: 1, priority: 100, version: %d,
                 advertisementInterval: %s, addresses: [192.0.2.1/32]}
            """;

    @Property(tries = 200)
    void everyV3IntervalInWholeCentisecondsLoadsToItsCentiseconds(@ForAll @IntRange(min = 1, max = 4095) int cs)
            throws ConfigException {
        String written = Durations.format(Duration.ofMillis(10L * cs));
        AgentConfig config = AgentConfigLoader.parse(TEMPLATE.formatted(3, written), "p.yaml");
        assertThat(config.instances().getFirst().advertisementIntervalCentiseconds()).isEqualTo(cs);
    }

    @Property(tries = 100)
    void everyV3IntervalOffTheCentisecondGridIsRefused(@ForAll @IntRange(min = 10, max = 40950) int ms) {
        Assume.that(ms % 10 != 0);
        assertThat(refused(TEMPLATE.formatted(3, ms + "ms"))).contains("whole centiseconds");
    }

    @Property(tries = 100)
    void everyV2IntervalInWholeSecondsLoads(@ForAll @IntRange(min = 1, max = 255) int seconds) throws ConfigException {
        AgentConfig config = AgentConfigLoader.parse(TEMPLATE.formatted(2, seconds + "s"), "p.yaml");
        assertThat(config.instances().getFirst().advertisementIntervalCentiseconds()).isEqualTo(100 * seconds);
    }

    @Property(tries = 500)
    void ipv6TextRoundTripsAndIsNeverLongerThanJavasOwn(@ForAll @Size(16) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 8) int zeroGroups, @ForAll @IntRange(min = 0, max = 7) int start)
            throws Exception {
        for (int g = start; g < Math.min(8, start + zeroGroups); g++) {
            bytes[2 * g] = 0;
            bytes[2 * g + 1] = 0;
        }
        InetAddress address = Inet6Address.getByAddress(null, bytes, -1);
        String text = AddressLiterals.format(address);

        assertThat(AddressLiterals.parseAddress(text)).isEqualTo(new AddressLiterals.Parsed.Ok<>(address));
        assertThat(text).doesNotContain(":::").isEqualTo(text.toLowerCase(java.util.Locale.ROOT));
        assertThat(text.length()).isLessThanOrEqualTo(address.getHostAddress().length());
        assertThat(text.split("::", -1).length).isLessThanOrEqualTo(2);
    }

    private static String refused(String yaml) {
        try {
            AgentConfigLoader.parse(yaml, "p.yaml");
            return "loaded";
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }
}
