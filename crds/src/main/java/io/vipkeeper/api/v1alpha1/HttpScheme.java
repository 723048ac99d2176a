package io.vipkeeper.api.v1alpha1;

/** Scheme of an {@link HttpProbe}. */
public enum HttpScheme {
    /** Plain HTTP. */
    HTTP,
    /** HTTP over TLS; see {@link HttpProbe#getInsecureSkipVerify()}. */
    HTTPS
}
