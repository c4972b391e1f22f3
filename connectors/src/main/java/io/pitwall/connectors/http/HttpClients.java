package io.pitwall.connectors.http;

import io.pitwall.connectors.kube.KubeClients;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one place Pitwall's own HTTP clients are made (OkHttp): one shared connection pool and
 * dispatcher, and per endpoint its timeouts, TLS (custom CA, client certificate), authentication
 * and the User-Agent {@code pitwall/VERSION}. Nothing here logs a header, a token or a key.
 */
public final class HttpClients {

    /** {@code pitwall/VERSION}: the same User-Agent as Pitwall's Kubernetes clients. */
    public static final String USER_AGENT = KubeClients.USER_AGENT;

    private static final OkHttpClient SHARED = new OkHttpClient.Builder().build();

    private HttpClients() {
    }

    /**
     * A client for one endpoint. TLS files are read now: a missing or unreadable file fails here
     * with a message naming it. Secrets (passwords, tokens) are read on each request, so a
     * rotated token file is picked up.
     */
    public static OkHttpClient create(HttpSettings settings) throws IOException {
        OkHttpClient.Builder b = SHARED.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.readTimeout().plus(settings.connectTimeout()))
                .followRedirects(true)
                .followSslRedirects(false);
        if (!settings.tls().isDefault()) {
            Tls tls = tls(settings.tls());
            b.sslSocketFactory(tls.context().getSocketFactory(), tls.trust());
        }
        b.addInterceptor(headers(settings.auth(), settings.headers()));
        return b.build();
    }

    private record Tls(SSLContext context, X509TrustManager trust) {
    }

    private static Tls tls(TlsFiles files) throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (files.caFile().isPresent()) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                int i = 0;
                for (X509Certificate c : Pem.certificates(files.caFile().get())) {
                    trust.setCertificateEntry("ca-" + i++, c);
                }
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            X509TrustManager trustManager = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    trustManager = x;
                }
            }
            if (trustManager == null) {
                throw new IllegalStateException("the JDK offers no X509TrustManager");
            }
            KeyManager[] keys = null;
            if (files.clientCertFile().isPresent()) {
                keys = clientKeys(files.clientCertFile().get(), files.clientKeyFile().orElseThrow());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trustManager}, null);
            return new Tls(context, trustManager);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] clientKeys(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = Pem.certificates(certFile);
        PrivateKey key = Pem.privateKey(keyFile);
        if (!chain.getFirst().getPublicKey().getAlgorithm().equals(key.getAlgorithm())
                && !(key.getAlgorithm().startsWith("Ed") && chain.getFirst().getPublicKey().getAlgorithm().startsWith("Ed"))) {
            throw new IOException("the client key " + keyFile + " (" + key.getAlgorithm() + ") does not belong to the"
                    + " certificate " + certFile + " (" + chain.getFirst().getPublicKey().getAlgorithm() + ")");
        }
        char[] password = new char[0];
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    /** User-Agent, the endpoint's extra headers and its credentials, added to every request. */
    private static Interceptor headers(HttpAuth auth, Map<String, String> extra) {
        return chain -> {
            Request.Builder r = chain.request().newBuilder().header("User-Agent", USER_AGENT);
            extra.forEach(r::header);
            switch (auth) {
                case HttpAuth.Basic basic -> r.header("Authorization",
                        Credentials.basic(basic.username(), basic.password().resolve(), java.nio.charset.StandardCharsets.UTF_8));
                case HttpAuth.Bearer bearer -> r.header("Authorization", "Bearer " + bearer.token().resolve());
                case HttpAuth.None none -> {
                }
            }
            return chain.proceed(r.build());
        };
    }
}
