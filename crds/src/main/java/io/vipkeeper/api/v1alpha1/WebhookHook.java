package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP POST of a JSON document describing each state transition. A plain Jackson POJO, also read from the
 * node agent's standalone configuration file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookHook {

    /** http:// or https:// URL to POST to. */
    @JsonPropertyDescription("http:// or https:// URL to POST to.")
    @Required
    @Pattern(Formats.HTTP_URL)
    @Size(max = 2048)
    private String url;

    /** The request is abandoned after this long (and counted as failed). Absent: 5s. */
    @JsonPropertyDescription("The request is abandoned after this long (and counted as failed). Absent: 5s.")
    @Pattern(Formats.DURATION)
    @Size(max = 32)
    private String timeout;

    /** Creates an empty WebhookHook (for Jackson). */
    public WebhookHook() {
    }

    /** {@code url}: http:// or https:// URL to POST to. */
    public String getUrl() {
        return url;
    }

    /** Sets {@code url}. */
    public void setUrl(String url) {
        this.url = url;
    }

    /** {@code timeout}: The request is abandoned after this long (and counted as failed). */
    public String getTimeout() {
        return timeout;
    }

    /** Sets {@code timeout}. */
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }


    /** Timeout when none is set. */
    public static final String DEFAULT_TIMEOUT = "5s";

    /**
     * The timeout as a duration, {@link #DEFAULT_TIMEOUT} when unset.
     *
     * @throws Durations.InvalidDurationException when the text is not a duration
     */
    public Duration timeoutOrDefault() throws Durations.InvalidDurationException {
        return Durations.parse(timeout == null ? DEFAULT_TIMEOUT : timeout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookHook other
                && Objects.equals(url, other.url)
                && Objects.equals(timeout, other.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, timeout);
    }

    @Override
    public String toString() {
        return "WebhookHook{"
                + "url=" + url
                + ", timeout=" + timeout
                + "}";
    }
}
