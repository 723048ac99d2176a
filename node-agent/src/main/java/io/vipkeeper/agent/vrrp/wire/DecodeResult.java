package io.vipkeeper.agent.vrrp.wire;

import java.util.Objects;

/** The outcome of {@link AdvertisementCodec#decode}: a decoded value or a typed reason why not. */
public sealed interface DecodeResult {

    /** The bytes held a structurally complete advertisement (no protocol rules checked yet). */
    record Decoded(Advertisement advertisement) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(advertisement, "advertisement");
        }
    }

    /** The bytes cannot be read as an advertisement of this family. */
    record Malformed(DropReason reason, String detail) implements DecodeResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
