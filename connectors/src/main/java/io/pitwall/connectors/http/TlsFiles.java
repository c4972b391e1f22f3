package io.pitwall.connectors.http;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS beyond the defaults, as PEM files: a certificate authority to trust instead of the
 * system's, and a client certificate with its key (mTLS). Server certificates are always
 * verified; there is no switch to turn that off.
 *
 * @param caFile         PEM certificates to trust (instead of the system's), if any
 * @param clientCertFile the client's PEM certificate chain, for mTLS
 * @param clientKeyFile  the client's PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted)
 */
public record TlsFiles(Optional<Path> caFile, Optional<Path> clientCertFile, Optional<Path> clientKeyFile) {

    public static final TlsFiles SYSTEM = new TlsFiles(Optional.empty(), Optional.empty(), Optional.empty());

    public TlsFiles {
        caFile = caFile == null ? Optional.empty() : caFile;
        clientCertFile = clientCertFile == null ? Optional.empty() : clientCertFile;
        clientKeyFile = clientKeyFile == null ? Optional.empty() : clientKeyFile;
        if (clientCertFile.isPresent() != clientKeyFile.isPresent()) {
            throw new IllegalArgumentException("a client certificate needs its key, and a key its certificate");
        }
    }

    public boolean isDefault() {
        return caFile.isEmpty() && clientCertFile.isEmpty();
    }
}
