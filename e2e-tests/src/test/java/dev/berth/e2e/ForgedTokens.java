package dev.berth.e2e;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Tokens no Berth service may accept: signed by a key Keycloak never had, or not signed at all. */
final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** The claims of a real acme admin token, as a forger would copy them. */
    private static String claims(String issuer) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"forger\",\"typ\":\"Bearer\",\"azp\":\"berth-cli\","
                + "\"preferred_username\":\"acme-admin\",\"tenant\":\"acme\",\"realm_access\":{\"roles\":[\"admin\"]},"
                + "\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
    }

    static String signedByAnotherKey(String issuer, String kid) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var keys = generator.generateKeyPair();
            String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + encode(claims(issuer));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(String issuer) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims(issuer)) + ".";
    }

    /** The key id in a real token's header, so the forgery names a key the services know. */
    static String kidOf(String realToken) {
        String header = new String(Base64.getUrlDecoder().decode(realToken.substring(0, realToken.indexOf('.'))),
                StandardCharsets.UTF_8);
        int start = header.indexOf("\"kid\":\"") + 7;
        return header.substring(start, header.indexOf('"', start));
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
