package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

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
    private String timeout;

    /** Creates an empty WebhookHook (for Jackson). */
    public WebhookHook() {
    }

    /** Returns: http:// or https:// URL to POST to. */
    public String getUrl() {
        return url;
    }

    /** Sets: http:// or https:// URL to POST to. */
    public void setUrl(String url) {
        this.url = url;
    }

    /** Returns: the request is abandoned after this long (and counted as failed). */
    public String getTimeout() {
        return timeout;
    }

    /** Sets: the request is abandoned after this long (and counted as failed). */
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
