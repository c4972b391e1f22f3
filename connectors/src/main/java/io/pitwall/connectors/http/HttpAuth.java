package io.pitwall.connectors.http;

import java.util.Objects;

/** How Pitwall authenticates to an HTTP endpoint (client certificates are part of {@link TlsFiles}). */
public sealed interface HttpAuth {

    /** A few words for a settings page, never a secret. */
    String describe();

    record None() implements HttpAuth {
        @Override
        public String describe() {
            return "no authentication";
        }
    }

    /** HTTP basic authentication. */
    record Basic(String username, SecretRef password) implements HttpAuth {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String describe() {
            return "basic authentication as " + username + " (password from " + password.describe() + ")";
        }
    }

    /** {@code Authorization: Bearer TOKEN}. */
    record Bearer(SecretRef token) implements HttpAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String describe() {
            return "bearer token from " + token.describe();
        }
    }
}
