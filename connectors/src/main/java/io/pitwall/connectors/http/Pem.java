package io.pitwall.connectors.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM certificates and private keys with the JDK alone. Keys may be PKCS#8 ({@code PRIVATE KEY}:
 * RSA, EC, Ed25519), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}), as
 * kubeconfigs and cert-manager write them; encrypted keys are refused with a hint. Messages name
 * the file, never its content.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s:,-]*?)-----END \\1-----");
    /** AlgorithmIdentifier of rsaEncryption with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** OID 1.2.840.10045.2.1, id-ecPublicKey. */
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {
    }

    private record Block(String type, byte[] der) {
    }

    /** Every certificate in {@code file}. */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory cf;
        try {
            cf = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        for (Block b : blocks(file)) {
            if (b.type().equals("CERTIFICATE") || b.type().equals("TRUSTED CERTIFICATE")) {
                try {
                    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
                } catch (CertificateException e) {
                    throw new IOException(file + " holds a certificate that cannot be read: " + e.getMessage());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return out;
    }

    /** The one private key in {@code file}. */
    public static PrivateKey privateKey(Path file) throws IOException {
        for (Block b : blocks(file)) {
            switch (b.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, b.der());
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(file, sequence(integerZero(), RSA_ALGORITHM, octetString(b.der())));
                }
                case "EC PRIVATE KEY" -> {
                    return pkcs8(file, sequence(integerZero(), sequence(EC_PUBLIC_KEY_OID, curveOf(file, b.der())),
                            octetString(b.der())));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IOException(file + " holds an encrypted private key, which"
                        + " Pitwall does not read: decrypt it first (openssl pkcs8 -in KEY -out KEY.plain)");
                default -> {
                    // certificates and parameters next to the key are skipped
                }
            }
        }
        throw new IOException(file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + " holds a private key of a kind Pitwall cannot read (RSA, EC and Ed25519 are read)");
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            // RFC 1421 headers (Proc-Type, DEK-Info) mean an encrypted PKCS#1 key
            if (body.contains(":")) {
                throw new IOException(file + " holds an encrypted " + m.group(1) + ", which Pitwall does not read:"
                        + " decrypt it first");
            }
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " is not valid PEM: the " + m.group(1) + " is not base64");
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + " is not a PEM file (no -----BEGIN ...----- block)");
        }
        return out;
    }

    /** The named-curve OID in a SEC1 ECPrivateKey's [0] parameters. */
    private static byte[] curveOf(Path file, byte[] sec1) throws IOException {
        // SEQUENCE { INTEGER 1, OCTET STRING key, [0] OID curve OPTIONAL, [1] BIT STRING OPTIONAL }
        int[] pos = {0};
        try {
            expectTag(sec1, pos, 0x30);
            readLength(sec1, pos);
            skip(sec1, pos, 0x02);
            skip(sec1, pos, 0x04);
            if (pos[0] < sec1.length && (sec1[pos[0]] & 0xff) == 0xa0) {
                pos[0]++;
                readLength(sec1, pos);
                int start = pos[0];
                expectTag(sec1, pos, 0x06);
                int len = readLength(sec1, pos);
                byte[] oid = new byte[pos[0] + len - start];
                System.arraycopy(sec1, start, oid, 0, oid.length);
                return oid;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException(file + " holds an EC private key that is not valid DER");
        }
        throw new IOException(file + " holds an EC private key without its curve: write it as PKCS#8"
                + " (openssl pkcs8 -topk8 -nocrypt)");
    }

    private static void expectTag(byte[] der, int[] pos, int tag) throws IOException {
        if ((der[pos[0]] & 0xff) != tag) {
            throw new IOException("unexpected DER tag " + (der[pos[0]] & 0xff));
        }
        pos[0]++;
    }

    private static void skip(byte[] der, int[] pos, int tag) throws IOException {
        expectTag(der, pos, tag);
        int len = readLength(der, pos);
        pos[0] += len;
    }

    private static int readLength(byte[] der, int[] pos) {
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (der[pos[0]++] & 0xff);
        }
        return len;
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return tlv(0x04, content);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
