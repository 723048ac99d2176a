package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/**
 * A TCP connect that succeeds within the timeout means healthy (keepalived's TCP_CHECK). A plain Jackson POJO,
 * also read from the node agent's standalone configuration file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TcpProbe {

    /**
     * Host name or address to connect to. Absent: the node's loopback address (127.0.0.1, or ::1 for an IPv6
     * VirtualIP).
     */
    @JsonPropertyDescription("Host name or address to connect to. Absent: the node's loopback address (127.0.0.1, or ::1"
            + " for an IPv6 VirtualIP).")
    @Size(min = 1, max = 253)
    private String host;

    /** TCP port, 1..65535. */
    @JsonPropertyDescription("TCP port, 1..65535.")
    @Required
    @Min(1)
    @Max(65535)
    private Integer port;

    /** Creates an empty TcpProbe (for Jackson). */
    public TcpProbe() {
    }

    /** {@code host}: Host name or address to connect to. */
    public String getHost() {
        return host;
    }

    /** Sets {@code host}. */
    public void setHost(String host) {
        this.host = host;
    }

    /** {@code port}: TCP port, 1..65535. */
    public Integer getPort() {
        return port;
    }

    /** Sets {@code port}. */
    public void setPort(Integer port) {
        this.port = port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpProbe other
                && Objects.equals(host, other.host)
                && Objects.equals(port, other.port);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port);
    }

    @Override
    public String toString() {
        return "TcpProbe{"
                + "host=" + host
                + ", port=" + port
                + "}";
    }
}
