import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OIDC issuer for the benchmark only: discovery, a JWKS with one fresh RSA key, and
 * GET /token?sub=…&groups=editor,admin answering an RS256 access token. It lets the packaged service
 * check real signed tokens (as in production) without an identity server on the machine.
 * Run: java bench/Issuer.java [port]
 */
public class Issuer {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18180;
        String issuer = "http://localhost:" + port + "/realms/bench";
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/realms/bench/.well-known/openid-configuration", exchange -> reply(exchange, """
                {"issuer":"%1$s","jwks_uri":"%1$s/jwks","token_endpoint":"%1$s/token",
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)));
        server.createContext("/realms/bench/jwks", exchange -> reply(exchange, """
                {"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}"""
                .formatted(b64(unsigned(publicKey.getModulus())), b64(unsigned(publicKey.getPublicExponent())))));
        server.createContext("/realms/bench/token", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String sub = param(query, "sub", "bench");
            String groups = param(query, "groups", "viewer");
            long now = Instant.now().getEpochSecond();
            String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64(("{\"iss\":\"" + issuer + "\",\"aud\":\"partnergraph-api\",\"sub\":\"" + sub + "\",\"preferred_username\":\"" + sub
                    + "\",\"groups\":[\"" + String.join("\",\"", groups.split(",")) + "\"],\"iat\":" + now + ",\"exp\":"
                    + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
            try {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initSign(keys.getPrivate());
                rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
                reply(exchange, header + "." + payload + "." + b64(rs256.sign()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();
        System.out.println("Issuer ready at " + issuer);
    }

    static String param(String query, String name, String fallback) {
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(name) && kv.length == 2) {
                    return kv[1];
                }
            }
        }
        return fallback;
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void reply(HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
