package io.pitwall.connectors.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a secret (a password, a bearer token) comes from. Settings store the reference, never the
 * value, unless the user asked to save the value itself ({@link Value#save()}).
 *
 * <p>{@code toString()} never shows a value; {@link #describe()} says where it comes from.
 */
public sealed interface SecretRef {

    /** The secret now. The message of a failure names where it was looked for, never a value. */
    String resolve() throws IOException;

    /** Where the secret comes from, fit for a settings page or an error message. */
    String describe();

    /**
     * A file that holds the secret (surrounding whitespace trimmed), read on each request: a
     * mounted service-account token rotates.
     */
    record File(Path path) implements SecretRef {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String resolve() throws IOException {
            String v;
            try {
                v = Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new CredentialException("cannot read the secret file " + path + " ("
                        + (Files.exists(path) ? e.getClass().getSimpleName() : "it does not exist") + ")");
            }
            if (v.isEmpty()) {
                throw new CredentialException("the secret file " + path + " is empty");
            }
            return v;
        }

        @Override
        public String describe() {
            return "file " + path;
        }
    }

    /** An environment variable that holds the secret. */
    record Env(String variable) implements SecretRef {
        public Env {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String resolve() throws IOException {
            return resolve(System::getenv);
        }

        /** With {@code env} standing for the process environment (tests). */
        public String resolve(Function<String, String> env) throws IOException {
            String v = env.apply(variable);
            if (v == null || v.isBlank()) {
                throw new CredentialException("the environment variable " + variable + " is not set");
            }
            return v.strip();
        }

        @Override
        public String describe() {
            return "environment variable " + variable;
        }
    }

    /**
     * The secret itself, as the user typed it. It is written into the settings file only when
     * {@code save} is true (the user asked for it); otherwise it lives for the session only.
     */
    record Value(String value, boolean save) implements SecretRef {
        public Value {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String resolve() {
            return value;
        }

        @Override
        public String describe() {
            return save ? "a value saved in the settings" : "a value typed this session";
        }

        @Override
        public String toString() {
            return "Value[<redacted>, save=" + save + "]";
        }
    }

    /** Not known: the settings did not keep it, so the user is asked. */
    record Ask() implements SecretRef {
        @Override
        public String resolve() throws IOException {
            throw new CredentialException("the secret was not saved: enter it again in the endpoint's settings");
        }

        @Override
        public String describe() {
            return "asked when connecting (not saved)";
        }
    }
}
