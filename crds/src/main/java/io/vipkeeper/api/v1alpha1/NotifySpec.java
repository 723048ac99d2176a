package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * What to tell the outside world on every state transition of an instance (keepalived's notify). Both may be
 * set. A plain Jackson POJO, also read from the node agent's standalone configuration file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NotifySpec {

    /** Run a script from the pool's scriptDirectory with keepalived's notify arguments. */
    @JsonPropertyDescription("Run a script from the pool's scriptDirectory with keepalived's notify arguments.")
    private ExecHook exec;

    /** POST a JSON description of the transition to a URL. */
    @JsonPropertyDescription("POST a JSON description of the transition to a URL.")
    private WebhookHook webhook;

    /** Creates an empty NotifySpec (for Jackson). */
    public NotifySpec() {
    }

    /** {@code exec}: Run a script from the pool's scriptDirectory with keepalived's notify arguments. */
    public ExecHook getExec() {
        return exec;
    }

    /** Sets {@code exec}. */
    public void setExec(ExecHook exec) {
        this.exec = exec;
    }

    /** {@code webhook}: POST a JSON description of the transition to a URL. */
    public WebhookHook getWebhook() {
        return webhook;
    }

    /** Sets {@code webhook}. */
    public void setWebhook(WebhookHook webhook) {
        this.webhook = webhook;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotifySpec other
                && Objects.equals(exec, other.exec)
                && Objects.equals(webhook, other.webhook);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exec, webhook);
    }

    @Override
    public String toString() {
        return "NotifySpec{"
                + "exec=" + exec
                + ", webhook=" + webhook
                + "}";
    }
}
