package io.pitwall.connectors.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * An endpoint that could not be reached, with a message a person can act on. It never holds a
 * header, a token or a URL's user info.
 */
public final class HttpFailure extends IOException {

    /** Why the endpoint could not be reached. */
    public enum Kind { REFUSED, UNKNOWN_HOST, TIMEOUT, TLS, CREDENTIALS, OTHER }

    private final Kind kind;

    public HttpFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The failure of reaching {@code endpoint}, from what the HTTP client threw. */
    public static HttpFailure of(String endpoint, IOException e) {
        if (e instanceof HttpFailure f) {
            return f;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new HttpFailure(Kind.UNKNOWN_HOST, "cannot reach " + endpoint + ": unknown host " + t.getMessage(), e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new HttpFailure(Kind.REFUSED, "cannot reach " + endpoint + ": connection refused", e);
            }
            if (t instanceof SSLPeerUnverifiedException) {
                return new HttpFailure(Kind.TLS, "TLS to " + endpoint + " failed: the server's certificate does not match"
                        + " its name (" + oneLine(t) + ")", e);
            }
            if (t instanceof SSLHandshakeException) {
                return new HttpFailure(Kind.TLS, "TLS to " + endpoint + " failed: " + handshake(t), e);
            }
            if (t instanceof SSLException) {
                return new HttpFailure(Kind.TLS, "TLS to " + endpoint + " failed: " + oneLine(t), e);
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return new HttpFailure(Kind.TIMEOUT, "no answer from " + endpoint + " within the timeout", e);
            }
        }
        if (e instanceof CredentialException) {
            return new HttpFailure(Kind.CREDENTIALS, endpoint + ": " + e.getMessage(), e);
        }
        return new HttpFailure(Kind.OTHER, endpoint + ": " + oneLine(e), e);
    }

    private static String handshake(Throwable t) {
        String m = oneLine(t);
        for (Throwable c = t; c != null; c = c.getCause()) {
            String cm = String.valueOf(c.getMessage());
            if (c instanceof java.security.cert.CertPathValidatorException || cm.contains("PKIX")
                    || cm.contains("unable to find valid certification path")) {
                return "the server's certificate is not signed by a trusted certificate authority (set the endpoint's"
                        + " CA file to the one that signed it)";
            }
            if (cm.contains("bad_certificate") || cm.contains("certificate_required")) {
                return "the server refused Pitwall's client certificate (or wants one)";
            }
        }
        return m;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
