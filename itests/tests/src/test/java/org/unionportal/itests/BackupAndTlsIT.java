package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A distribution of its own (the restore stops it), configured for HTTPS as the README's "HTTPS" says, with a
 * self-signed certificate made here by keytool: a sign-in over HTTPS with a client trusting only that certificate;
 * then an online backup through {@code portal:backup}, a change, and a restore as "Backups and restore" says (stop,
 * replace data/derby/portal with the backup's copy, start), which brings back the state of the backup. Derby only:
 * on PostgreSQL the portal makes no backups (pg_dump does; BackupsDerbyTest checks what the command says there).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupAndTlsIT {
    private static final String STORE_PASSWORD = "it-tls-secret";
    private static Distribution portal;
    private static Path keystore;
    private static int httpsPort;

    @BeforeAll
    static void startWithHttps() throws Exception {
        Assumptions.assumeTrue(System.getProperty("itests.postgresql", "").isBlank(), "embedded Derby only");
        portal = Distribution.create("backup-tls");
        Path etc = portal.home().resolve("etc");
        keystore = etc.resolve("portal-tls.p12");
        // the README's keytool command, with the test's password and address
        Distribution.run(List.of(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "portal", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=127.0.0.1, O=Union Portal test", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD),
                etc, Duration.ofSeconds(60));
        httpsPort = Distribution.freePort();
        Path web = etc.resolve("org.ops4j.pax.web.cfg");
        Distribution.setProperty(web, "org.osgi.service.http.secure.enabled", "true");
        Distribution.setProperty(web, "org.osgi.service.http.port.secure", String.valueOf(httpsPort));
        Distribution.setProperty(web, "org.ops4j.pax.web.ssl.keystore", "${karaf.etc}/portal-tls.p12");
        Distribution.setProperty(web, "org.ops4j.pax.web.ssl.keystore.type", "PKCS12");
        Distribution.setProperty(web, "org.ops4j.pax.web.ssl.keystore.password", STORE_PASSWORD);
        Distribution.setProperty(web, "org.ops4j.pax.web.ssl.key.password", STORE_PASSWORD);
        Distribution.setProperty(web, "org.ops4j.pax.web.ssl.key.alias", "portal");
        portal.start();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    @Order(1)
    void signsInOverHttpsWithTheSelfSignedCertificate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingOnly(keystore)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI base = URI.create("https://127.0.0.1:" + httpsPort);
        HttpResponse<String> health = Await.until("the portal to answer over HTTPS", Duration.ofSeconds(60), () -> {
            try {
                return client.send(HttpRequest.newBuilder(base.resolve("/api/portal/health")).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, r -> r != null && r.statusCode() == 200);
        assertEquals("https", health.uri().getScheme());

        String credentials = Api.JSON.writeValueAsString(Map.of("username", "admin", "password", Distribution.PASSWORD));
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login::body);
        String token = Api.JSON.readTree(login.body()).path("token").asText();
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(base.resolve("/api/auth/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me::body);
        assertTrue(me.body().contains("\"admin\""), me::body);
        assertTrue(me.sslSession().orElseThrow().getProtocol().startsWith("TLSv1."), "not TLS");

        // a client that does not trust the certificate is refused: it really is this certificate that is served
        HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertTrue(refused(stranger, base.resolve("/api/portal/health")), "a client without the certificate connected");
    }

    @Test
    @Order(2)
    void aBackupFromTheShellIsRestoredAsTheReadmeSays() throws Exception {
        Api api = portal.api();
        String operator = api.login("operator");
        long before = createMember(api, operator, "备份前");

        String out = portal.shell("portal:backup --lang en");
        Matcher done = Pattern.compile("Backup done: (\\S+) \\(").matcher(out);
        assertTrue(done.find(), () -> "portal:backup said: " + out);
        Path backup = Paths.get(done.group(1));
        assertTrue(Files.isRegularFile(backup.resolve("portal/service.properties")), () -> backup + " holds no database");
        assertTrue(Files.isRegularFile(backup.resolve("etc/org.ops4j.datasource-portal.cfg")), () -> backup + " holds no etc/");
        JsonNode health = api.get("/api/portal/health", null).expect(200).json();
        assertEquals("OK", health.path("backup").path("status").asText(), health::toString);
        assertTrue(health.path("backup").path("last").asText().endsWith("+08:00"), health::toString);
        String list = portal.shell("portal:backup --list --lang zh");
        assertTrue(list.contains(backup.getFileName().toString()) && list.contains("备份目录"), () -> "portal:backup --list said: " + list);

        long after = createMember(api, operator, "备份后");
        api.get("/api/portal/members/" + after, operator).expect(200);

        portal.stop();
        Path live = portal.home().resolve("data/derby/portal");
        deleteTree(live);
        copyTree(backup.resolve("portal"), live);
        portal.start();

        String again = api.login("operator");
        api.get("/api/portal/members/" + before, again).expect(200);
        Api.Reply gone = api.get("/api/portal/members/" + after, again);
        assertEquals(404, gone.status(), () -> "the member created after the backup is still there: " + gone);
    }

    private static long createMember(Api api, String operator, String name) {
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("idNumber", HardshipAidBrowserIT.idNumber(1985));
        form.put("name", name);
        form.put("phone", null);
        form.put("categories", List.of("EMPLOYEE"));
        form.put("occupation", null);
        return api.post("/api/portal/members", operator, form).expect(201).json().path("id").asLong();
    }

    static SSLContext trustingOnly(Path p12) throws Exception {
        KeyStore served = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            served.load(in, STORE_PASSWORD.toCharArray());
        }
        Certificate certificate = served.getCertificate("portal");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("portal", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static boolean refused(HttpClient client, URI uri) {
        try {
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (javax.net.ssl.SSLHandshakeException e) {
            return true;
        } catch (IOException e) {
            return e.getCause() instanceof javax.net.ssl.SSLHandshakeException || String.valueOf(e.getMessage()).contains("PKIX");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
