package io.vipkeeper.agent.vrrp.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/** One advert captured from keepalived (see src/test/resources/keepalived/capture.sh). */
record KeepalivedFixture(
        String name,
        String description,
        VrrpVersion version,
        IpHeaderFacts facts,
        ChecksumMode checksumMode,
        boolean unicast,
        byte[] payload,
        byte[] ipPacket,
        int vrid,
        int priority,
        int configuredPriority,
        int interval,
        List<InetAddress> addresses,
        int authType,
        long authData) {

    static final Path DIRECTORY = directory();

    @Override
    public String toString() {
        return name;
    }

    /** The profile keepalived's peer (same config, a lower priority) would have. */
    ReceiveProfile peerProfile() {
        int intervalCs = version == VrrpVersion.V2 ? interval * 100 : interval;
        return new ReceiveProfile(version, facts.family(), vrid, new LinkedHashSet<>(addresses),
                Math.max(1, Math.min(254, configuredPriority) - 1), intervalCs, checksumMode, authType, authData,
                unicast ? java.util.Set.of(facts.source()) : java.util.Set.of());
    }

    /** The advertisement keepalived was configured to send. */
    Advertisement expectedAdvertisement() {
        return new Advertisement(version, facts.family(), 1, vrid, priority, interval, addresses, authType, authData);
    }

    static Stream<KeepalivedFixture> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().startsWith("vrrp-"))
                    .filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            List<KeepalivedFixture> out = new ArrayList<>();
            for (Path p : sorted) {
                out.add(load(p));
            }
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeepalivedFixture load(Path file) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        HexFormat hex = HexFormat.of();
        AddressFamily family = AddressFamily.valueOf(n.get("family").asText());
        IpHeaderFacts facts = new IpHeaderFacts(family, addr(n.get("source").asText()),
                addr(n.get("destination").asText()), n.get("ttl").asInt());
        JsonNode e = n.get("expected");
        List<InetAddress> addresses = new ArrayList<>();
        for (JsonNode a : e.get("addresses")) {
            addresses.add(addr(a.asText()));
        }
        String name = file.getFileName().toString().replace(".json", "");
        return new KeepalivedFixture(name, n.get("description").asText(),
                VrrpVersion.fromWire(n.get("version").asInt()), facts,
                ChecksumMode.valueOf(n.get("checksumMode").asText()), n.get("unicast").asBoolean(),
                hex.parseHex(n.get("payloadHex").asText()),
                n.has("ipPacketHex") ? hex.parseHex(n.get("ipPacketHex").asText()) : null,
                e.get("vrid").asInt(), e.get("priority").asInt(), e.get("configuredPriority").asInt(),
                e.get("interval").asInt(), addresses, e.get("authType").asInt(),
                HexFormat.fromHexDigitsToLong(e.get("authDataHex").asText()));
    }

    static InetAddress addr(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException(text, ex);
        }
    }

    private static Path directory() {
        try {
            return Path.of(KeepalivedFixture.class.getResource("/keepalived/capture.sh").toURI()).getParent();
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
