package io.pitwall.connectors.http;

import java.io.IOException;

/**
 * A credential that cannot be had (a token file missing, an environment variable not set). Its
 * message says where it was looked for, never a value.
 */
public final class CredentialException extends IOException {

    public CredentialException(String message) {
        super(message);
    }
}
