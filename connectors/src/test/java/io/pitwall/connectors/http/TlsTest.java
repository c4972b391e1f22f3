package io.pitwall.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a server whose certificate a CA made in the test signed: trusted only with that CA,
 * refused otherwise with a message that says what to do; client certificates for mTLS in PKCS#8,
 * PKCS#1 and SEC1 PEM.
 */
class TlsTest {

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private HeldCertificate ca;
    private Path caPem;

    @BeforeEach
    void start() throws Exception {
        ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("pitwall test CA").build();
        HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(ca).commonName("localhost")
                .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder().heldCertificate(serverCert)
                .addTrustedCertificate(ca.certificate()).build();
        server.useHttps(serverTls.sslSocketFactory());
        server.start();
        caPem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int get(TlsFiles tls) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        var t = new OkHttpTransport(server.url("/"), HttpClients.create(HttpSettings.DEFAULT.withTls(tls)), Runnable::run);
        return t.get("api/v1/labels", Map.of(), HttpReply::code).join();
    }

    @Test
    void customCaIsTrusted() throws Exception {
        assertThat(get(new TlsFiles(Optional.of(caPem), Optional.empty(), Optional.empty()))).isEqualTo(200);
    }

    @Test
    void withoutTheCaTheCertificateIsRefusedWithAHint() {
        Throwable e = catchThrowable(() -> get(TlsFiles.SYSTEM));
        assertThat(e).isInstanceOf(CompletionException.class).cause().isInstanceOf(HttpFailure.class)
                .hasMessageContaining("TLS to https://")
                .hasMessageContaining("not signed by a trusted certificate authority");
    }

    @Test
    void anotherCaDoesNotHelp() throws Exception {
        HeldCertificate other = new HeldCertificate.Builder().certificateAuthority(0).commonName("other").build();
        Path otherPem = Files.writeString(dir.resolve("other.pem"), other.certificatePem());
        Throwable e = catchThrowable(() -> get(new TlsFiles(Optional.of(otherPem), Optional.empty(), Optional.empty())));
        assertThat(e.getCause()).isInstanceOf(HttpFailure.class);
        assertThat(((HttpFailure) e.getCause()).kind()).isEqualTo(HttpFailure.Kind.TLS);
    }

    @Test
    void mutualTlsWithPkcs8Pkcs1AndSec1Keys() throws Exception {
        server.requireClientAuth();
        HeldCertificate rsa = new HeldCertificate.Builder().signedBy(ca).commonName("pitwall-rsa").rsa2048().build();
        HeldCertificate ec = new HeldCertificate.Builder().signedBy(ca).commonName("pitwall-ec").ecdsa256().build();
        Path rsaCert = Files.writeString(dir.resolve("rsa.crt"), rsa.certificatePem());
        Path ecCert = Files.writeString(dir.resolve("ec.crt"), ec.certificatePem());
        Path pkcs8 = Files.writeString(dir.resolve("rsa-pkcs8.key"), rsa.privateKeyPkcs8Pem());
        Path pkcs1 = Files.writeString(dir.resolve("rsa-pkcs1.key"), rsa.privateKeyPkcs1Pem());
        Path ecPkcs8 = Files.writeString(dir.resolve("ec-pkcs8.key"), ec.privateKeyPkcs8Pem());
        Path sec1 = Files.writeString(dir.resolve("ec-sec1.key"), Sec1.pem(ec.keyPair().getPrivate().getEncoded()));
        assertThat(get(new TlsFiles(Optional.of(caPem), Optional.of(rsaCert), Optional.of(pkcs8)))).isEqualTo(200);
        assertThat(get(new TlsFiles(Optional.of(caPem), Optional.of(rsaCert), Optional.of(pkcs1)))).isEqualTo(200);
        assertThat(get(new TlsFiles(Optional.of(caPem), Optional.of(ecCert), Optional.of(ecPkcs8)))).isEqualTo(200);
        assertThat(get(new TlsFiles(Optional.of(caPem), Optional.of(ecCert), Optional.of(sec1)))).isEqualTo(200);
        assertThat(server.takeRequest().getHandshake().peerPrincipal().getName()).contains("pitwall-rsa");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedBeforeConnecting() throws Exception {
        HeldCertificate rsa = new HeldCertificate.Builder().signedBy(ca).rsa2048().build();
        HeldCertificate ec = new HeldCertificate.Builder().signedBy(ca).ecdsa256().build();
        Path cert = Files.writeString(dir.resolve("rsa.crt"), rsa.certificatePem());
        Path key = Files.writeString(dir.resolve("ec.key"), ec.privateKeyPkcs8Pem());
        assertThatThrownBy(() -> HttpClients.create(HttpSettings.DEFAULT.withTls(
                new TlsFiles(Optional.empty(), Optional.of(cert), Optional.of(key)))))
                .hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void unreadableFilesAreNamed() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.txt"), "hello");
        assertThatThrownBy(() -> HttpClients.create(HttpSettings.DEFAULT.withTls(
                new TlsFiles(Optional.of(notPem), Optional.empty(), Optional.empty()))))
                .hasMessage(notPem + " is not a PEM file (no -----BEGIN ...----- block)");
        Path encrypted = Files.writeString(dir.resolve("enc.key"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Pem.privateKey(encrypted)).hasMessageContaining("encrypted private key");
    }

    /** A SEC1 "EC PRIVATE KEY" (as openssl writes it, curve included) from the JDK's PKCS#8 encoding. */
    static final class Sec1 {
        static String pem(byte[] pkcs8) {
            // PKCS#8: SEQ { INT 0, SEQ { OID ecPublicKey, OID curve }, OCTET STRING { SEC1 without curve } }
            int[] p = {0};
            header(pkcs8, p); // outer SEQ
            p[0] += 3; // INT 0
            int algStart = p[0];
            int algLen = header(pkcs8, p);
            int algBody = p[0];
            p[0] = algBody;
            int oid1Len = header(pkcs8, p);
            p[0] += oid1Len;
            int curveStart = p[0];
            int curveLen = header(pkcs8, p) + (p[0] - curveStart);
            byte[] curve = java.util.Arrays.copyOfRange(pkcs8, curveStart, curveStart + curveLen);
            p[0] = algBody + algLen;
            header(pkcs8, p); // OCTET STRING
            int[] q = {p[0]};
            int innerLen = header(pkcs8, q); // inner SEQ
            byte[] inner = java.util.Arrays.copyOfRange(pkcs8, q[0], q[0] + innerLen);
            // inner: INT 1, OCTET STRING key, maybe [1] public key: put [0] curve after the key
            int[] r = {0};
            r[0] += 3;
            int keyStart = r[0];
            int keyLen = header(inner, r);
            int keyEnd = r[0] + keyLen;
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes(java.util.Arrays.copyOfRange(inner, 0, keyEnd));
            body.writeBytes(tlv(0xa0, curve));
            body.writeBytes(java.util.Arrays.copyOfRange(inner, keyEnd, inner.length));
            byte[] der = tlv(0x30, body.toByteArray());
            assertThat(keyStart).isPositive();
            assertThat(algStart).isPositive();
            return "-----BEGIN EC PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                    + "\n-----END EC PRIVATE KEY-----\n";
        }

        private static int header(byte[] der, int[] p) {
            p[0]++;
            int first = der[p[0]++] & 0xff;
            if (first < 0x80) {
                return first;
            }
            int len = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                len = (len << 8) | (der[p[0]++] & 0xff);
            }
            return len;
        }

        private static byte[] tlv(int tag, byte[] content) {
            var out = new java.io.ByteArrayOutputStream();
            out.write(tag);
            if (content.length < 0x80) {
                out.write(content.length);
            } else {
                out.write(0x81);
                out.write(content.length);
            }
            out.writeBytes(content);
            return out.toByteArray();
        }
    }
}
