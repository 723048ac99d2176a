package io.vipkeeper.bench;

import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import io.vipkeeper.agent.vrrp.wire.Advertisement;
import io.vipkeeper.agent.vrrp.wire.AdvertisementCodec;
import io.vipkeeper.agent.vrrp.wire.ChecksumMode;
import io.vipkeeper.agent.vrrp.wire.IpHeaderFacts;
import io.vipkeeper.agent.vrrp.wire.ReceiveProfile;
import io.vipkeeper.agent.vrrp.wire.ReceiveProfileLookup;
import io.vipkeeper.agent.vrrp.wire.ReceiveValidator;
import io.vipkeeper.agent.vrrp.wire.ValidationResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The VRRP receive and send path of the codec: decode + validate of adverts captured from keepalived 2.2.7 (the
 * golden vectors in node-agent's test resources) and encode into a reusable buffer.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests
 * $JAVA_HOME/bin/java -jar benchmarks/target/benchmarks.jar CodecBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
    // vrrp-v3-ipv4-multicast-2vips-50cs.json: VRID 20, priority 120, 50 cs, 10.199.0.120-121, from 10.199.0.1
    private static final String V3_IPV4 = "31147802003254dd0ac700780ac70079";
    // the raw IPv4 packet of the v2 auth PASS fixture (VRID 11, priority 200, 2 s, 3 VIPs)
    private static final String V2_IPV4_RAW =
            "45c0003000010000ff70cfc20ac70001e0000012210bc803010286fd0ac7006f0ac700700ac700717365637265743100";

    private byte[] v3Payload;
    private IpHeaderFacts v3Facts;
    private ReceiveProfileLookup v3Lookup;
    private byte[] v2Raw;
    private ReceiveProfileLookup v2Lookup;
    private byte[] v2Payload;
    private IpHeaderFacts v2Facts;
    private Advertisement advert;
    private InetAddress source;
    private InetAddress group;
    private byte[] sendBuffer;

    @Setup
    public void setUp() throws UnknownHostException {
        source = InetAddress.getByName("10.199.0.1");
        group = InetAddress.getByName("224.0.0.18");
        List<InetAddress> v3Vips = List.of(InetAddress.getByName("10.199.0.120"), InetAddress.getByName("10.199.0.121"));
        advert = Advertisement.v3(AddressFamily.IPV4, 20, 120, 50, v3Vips);
        v3Facts = IpHeaderFacts.ipv4(source, group, 255);
        v3Payload = AdvertisementCodec.encode(advert, source, group, ChecksumMode.WITH_PSEUDO_HEADER);
        if (!HexFormat.of().formatHex(v3Payload).equals(V3_IPV4)) {
            throw new IllegalStateException("encoded advert differs from the keepalived fixture");
        }
        v3Lookup = ReceiveProfileLookup.of(List.of(ReceiveProfile.v3(AddressFamily.IPV4, 20, Set.copyOf(v3Vips), 100,
                50)));

        v2Raw = HexFormat.of().parseHex(V2_IPV4_RAW);
        v2Payload = java.util.Arrays.copyOfRange(v2Raw, 20, v2Raw.length);
        v2Facts = v3Facts;
        Set<InetAddress> v2Vips = Set.of(InetAddress.getByName("10.199.0.111"), InetAddress.getByName("10.199.0.112"),
                InetAddress.getByName("10.199.0.113"));
        v2Lookup = ReceiveProfileLookup.of(List.of(ReceiveProfile.v2(11, v2Vips, 100, 2)
                .withAuth(1, HexFormat.fromHexDigitsToLong("7365637265743100"))));
        sendBuffer = new byte[64];
        requireAccepted(ReceiveValidator.validate(v3Facts, v3Payload, 0, v3Payload.length, v3Lookup));
        requireAccepted(ReceiveValidator.validateRawIpv4(v2Raw, 0, v2Raw.length, v2Lookup));
    }

    private static void requireAccepted(ValidationResult r) {
        if (!(r instanceof ValidationResult.Accepted)) {
            throw new IllegalStateException("benchmark input not accepted: " + r);
        }
    }

    /** v3 IPv4 advert (2 VIPs), header facts given: decode + every receive check incl. pseudo-header checksum. */
    @Benchmark
    public ValidationResult validateV3Ipv4() {
        return ReceiveValidator.validate(v3Facts, v3Payload, 0, v3Payload.length, v3Lookup);
    }

    /** v2 IPv4 advert (3 VIPs, auth PASS), header facts given. */
    @Benchmark
    public ValidationResult validateV2Ipv4() {
        return ReceiveValidator.validate(v2Facts, v2Payload, 0, v2Payload.length, v2Lookup);
    }

    /** v2 IPv4 as a raw socket delivers it: split the IP header, then validate. */
    @Benchmark
    public ValidationResult splitAndValidateV2RawIpv4() {
        return ReceiveValidator.validateRawIpv4(v2Raw, 0, v2Raw.length, v2Lookup);
    }

    /** Encode a v3 IPv4 advert with the pseudo-header checksum into a reusable buffer. */
    @Benchmark
    public int encodeV3Ipv4() {
        return AdvertisementCodec.encodeInto(advert, source, group, ChecksumMode.WITH_PSEUDO_HEADER, sendBuffer, 0);
    }
}
