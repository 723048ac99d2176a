package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * An HTTP(S) GET whose response status decides health (keepalived's HTTP_GET checker). A plain Jackson POJO,
 * also read from the node agent's standalone configuration file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HttpProbe {

    /**
     * Host name or address to connect to. Absent: the node's loopback address (127.0.0.1, or ::1 for an IPv6
     * VirtualIP).
     */
    @JsonPropertyDescription("Host name or address to connect to. Absent: the node's loopback address (127.0.0.1, or ::1 for an "
            + "IPv6 VirtualIP).")
    @Size(min = 1, max = 253)
    private String host;

    /** TCP port, 1..65535. */
    @JsonPropertyDescription("TCP port, 1..65535.")
    @Required
    @Min(1)
    @Max(65535)
    private Integer port;

    /** Request path, starting with '/'. Absent: '/'. */
    @JsonPropertyDescription("Request path, starting with '/'. Absent: '/'.")
    @Pattern("^/.*$")
    @Size(max = 2048)
    private String path;

    /** HTTP or HTTPS. Absent: HTTP. */
    @JsonPropertyDescription("HTTP or HTTPS. Absent: HTTP.")
    private HttpScheme scheme;

    /** With HTTPS: accept any server certificate. Absent: false. */
    @JsonPropertyDescription("With HTTPS: accept any server certificate. Absent: false.")
    private Boolean insecureSkipVerify;

    /** Response status codes that count as healthy. Absent or empty: any 2xx. */
    @JsonPropertyDescription("Response status codes that count as healthy. Absent or empty: any 2xx.")
    @Size(max = 32)
    private List<@Min(100) @Max(599) Integer> expectStatus;

    /** Creates an empty HttpProbe (for Jackson). */
    public HttpProbe() {
    }

    /** Returns: host name or address to connect to. */
    public String getHost() {
        return host;
    }

    /** Sets: host name or address to connect to. */
    public void setHost(String host) {
        this.host = host;
    }

    /** Returns: tCP port, 1..65535. */
    public Integer getPort() {
        return port;
    }

    /** Sets: tCP port, 1..65535. */
    public void setPort(Integer port) {
        this.port = port;
    }

    /** Returns: request path, starting with '/'. */
    public String getPath() {
        return path;
    }

    /** Sets: request path, starting with '/'. */
    public void setPath(String path) {
        this.path = path;
    }

    /** Returns: hTTP or HTTPS. */
    public HttpScheme getScheme() {
        return scheme;
    }

    /** Sets: hTTP or HTTPS. */
    public void setScheme(HttpScheme scheme) {
        this.scheme = scheme;
    }

    /** Returns: with HTTPS: accept any server certificate. */
    public Boolean getInsecureSkipVerify() {
        return insecureSkipVerify;
    }

    /** Sets: with HTTPS: accept any server certificate. */
    public void setInsecureSkipVerify(Boolean insecureSkipVerify) {
        this.insecureSkipVerify = insecureSkipVerify;
    }

    /** Returns: response status codes that count as healthy. */
    public List<Integer> getExpectStatus() {
        return expectStatus;
    }

    /** Sets: response status codes that count as healthy. */
    public void setExpectStatus(List<Integer> expectStatus) {
        this.expectStatus = expectStatus;
    }
}
