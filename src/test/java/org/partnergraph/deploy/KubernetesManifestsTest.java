package org.partnergraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the kustomize overlays in k8s/ with {@code kubectl kustomize} and checks the invariants
 * that a deployment of PartnerGraph relies on. Nothing here talks to a cluster: it reads what
 * {@code kubectl apply -k} would send.
 *
 * <p>The kubectl is, in this order: {@code KUBECTL} from the environment; the pinned one that the
 * Maven build unpacks under target/ (system property {@value #PINNED_KUBECTL}, set on Linux x86-64);
 * {@code kubectl} on the PATH.
 */
class KubernetesManifestsTest {

    private static final Path OVERLAYS = Path.of("k8s", "overlays");
    private static final long RENDER_TIMEOUT_SECONDS = 120;
    private static final String PINNED_KUBECTL = "partnergraph.kubectl";

    private static final String SERVICE = "partnergraph";
    private static final String HEALTH = "/q/health/";
    private static final int SERVICE_PORT = 8080;
    private static final int BOLT_PORT = 7687;
    private static final int POSTGRES_PORT = 5432;
    private static final Set<String> CREDENTIAL_VARIABLES =
            Set.of("NEO4J_USERNAME", "NEO4J_PASSWORD", "DB_USERNAME", "DB_PASSWORD");
    private static final Set<String> REALM_ROLES = Set.of("viewer", "analyst", "editor", "admin");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- the service, every overlay

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void serviceHasStartupReadinessAndLivenessProbesOnHealthEndpoints(String overlay) {
        JsonNode container = serviceContainer(render(overlay));
        Map<String, String> expected = Map.of(
                "startupProbe", HEALTH + "started",
                "readinessProbe", HEALTH + "ready",
                "livenessProbe", HEALTH + "live");
        expected.forEach((probe, path) -> {
            JsonNode httpGet = container.path(probe).path("httpGet");
            assertTrue(httpGet.isObject(), () -> overlay + ": the service has no HTTP " + probe);
            assertEquals(path, httpGet.path("path").asText(), () -> overlay + ": " + probe + " path");
            assertEquals(SERVICE_PORT, containerPort(container, httpGet.path("port")),
                    () -> overlay + ": " + probe + " must hit the HTTP port " + SERVICE_PORT);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        Manifests m = render(overlay);
        List<String> missing = new ArrayList<>();
        List<JsonNode> workloads = m.ofKinds("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");
        assertFalse(workloads.isEmpty(), () -> overlay + ": nothing to run");
        for (JsonNode workload : workloads) {
            for (JsonNode container : containersOf(workload)) {
                String where = workload.path("kind").asText() + "/" + name(workload)
                        + " container " + container.path("name").asText();
                missing.addAll(missingResources(where, container.path("resources")));
            }
        }
        for (JsonNode cluster : m.ofKind("Cluster")) {
            missing.addAll(missingResources("Cluster/" + name(cluster), cluster.path("spec").path("resources")));
        }
        assertTrue(missing.isEmpty(), () -> overlay + ": " + String.join("; ", missing));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void serviceRunsAsNonRootWithReadOnlyRootFilesystem(String overlay) {
        Manifests m = render(overlay);
        JsonNode podSpec = serviceDeployment(m).path("spec").path("template").path("spec");
        JsonNode container = serviceContainer(m);
        JsonNode podSecurity = podSpec.path("securityContext");
        JsonNode security = container.path("securityContext");

        assertTrue(podSecurity.path("runAsNonRoot").asBoolean(false) || security.path("runAsNonRoot").asBoolean(false),
                () -> overlay + ": runAsNonRoot is not set");
        assertTrue(podSecurity.path("runAsUser").asInt(1) > 0 && security.path("runAsUser").asInt(1) > 0,
                () -> overlay + ": runAsUser must not be 0");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean(false),
                () -> overlay + ": the root filesystem is writable");
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true),
                () -> overlay + ": allowPrivilegeEscalation must be false");
        assertTrue(texts(security.path("capabilities").path("drop")).contains("ALL"),
                () -> overlay + ": capabilities must drop ALL");
        String seccomp = security.path("seccompProfile").path("type")
                .asText(podSecurity.path("seccompProfile").path("type").asText());
        assertEquals("RuntimeDefault", seccomp, () -> overlay + ": seccomp profile");

        String tmpVolume = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(mount -> "/tmp".equals(mount.path("mountPath").asText()))
                .map(mount -> mount.path("name").asText())
                .findFirst()
                .orElseGet(() -> fail(overlay + ": nothing is mounted at /tmp, the only place the service writes"));
        boolean tmpIsEmptyDir = StreamSupport.stream(podSpec.path("volumes").spliterator(), false)
                .anyMatch(volume -> tmpVolume.equals(volume.path("name").asText()) && volume.has("emptyDir"));
        assertTrue(tmpIsEmptyDir, () -> overlay + ": /tmp must be an emptyDir volume");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreOnlyReferencedNeverRendered(String overlay) {
        Manifests m = render(overlay);
        for (JsonNode secret : m.ofKind("Secret")) {
            assertFalse(secret.has("data") || secret.has("stringData"),
                    () -> overlay + ": Secret " + name(secret) + " carries values; secrets are created out of git");
        }
        for (JsonNode configMap : m.ofKind("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> assertFalse(looksLikeCredential(key),
                    () -> overlay + ": ConfigMap " + name(configMap) + " holds " + key));
        }
        for (JsonNode workload : m.ofKinds("Deployment", "StatefulSet")) {
            for (JsonNode container : containersOf(workload)) {
                for (JsonNode env : container.path("env")) {
                    String variable = env.path("name").asText();
                    if (looksLikeCredential(variable)) {
                        assertTrue(env.path("valueFrom").has("secretKeyRef"), () -> overlay + ": " + name(workload)
                                + " sets " + variable + " without a secretKeyRef");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void serviceEnvWiresTheStoresAndTakesCredentialsFromSecrets(String overlay) {
        Manifests m = render(overlay);
        Map<String, EnvValue> env = environment(m, serviceContainer(m));

        URI neo4j = URI.create(literal(env, "NEO4J_URI", overlay));
        assertEquals("neo4j", neo4j.getScheme(),
                () -> overlay + ": NEO4J_URI must be a routing neo4j:// URI, so reads can go to secondaries");
        JsonNode boltService = m.one("Service", neo4j.getHost());
        assertTrue(servicePorts(boltService).contains(neo4j.getPort() == -1 ? BOLT_PORT : neo4j.getPort()),
                () -> overlay + ": Service " + neo4j.getHost() + " does not expose Bolt");
        assertTrue(neo4jServers(m).stream().allMatch(sts -> selects(boltService.path("spec").path("selector"),
                        podLabels(sts))),
                () -> overlay + ": Service " + neo4j.getHost() + " does not select every Neo4j server");

        String dbUrl = literal(env, "DB_URL", overlay);
        assertTrue(dbUrl.startsWith("jdbc:postgresql://"), () -> overlay + ": DB_URL " + dbUrl);
        URI db = URI.create(dbUrl.substring("jdbc:".length()));
        JsonNode postgres = postgresCluster(m);
        assertEquals(name(postgres) + "-rw", db.getHost(),
                () -> overlay + ": DB_URL must use the read-write Service of the CloudNativePG cluster");
        assertEquals("/" + postgres.path("spec").path("bootstrap").path("initdb").path("database").asText(),
                db.getPath(), () -> overlay + ": DB_URL must name the database that the cluster creates");

        for (String variable : CREDENTIAL_VARIABLES) {
            EnvValue value = env.get(variable);
            assertNotNull(value, () -> overlay + ": " + variable + " is not set");
            assertTrue(value.secretKeyRef().isPresent(),
                    () -> overlay + ": " + variable + " must come from a secretKeyRef, not " + value);
        }
        String dbSecret = postgres.path("spec").path("bootstrap").path("initdb").path("secret").path("name").asText();
        assertEquals(dbSecret, env.get("DB_PASSWORD").secretKeyRef().orElseThrow().path("name").asText(),
                () -> overlay + ": the service must log in with the owner credentials that CloudNativePG creates");
        assertEquals(dbSecret, env.get("DB_USERNAME").secretKeyRef().orElseThrow().path("name").asText());

        String issuer = literal(env, "OIDC_ISSUER", overlay);
        assertTrue(issuer.startsWith("https://") && issuer.endsWith("/realms/partnergraph"),
                () -> overlay + ": OIDC_ISSUER " + issuer);
        assertEquals("partnergraph-api", literal(env, "OIDC_CLIENT_ID", overlay));
        assertEquals("groups", literal(env, "PARTNERGRAPH_ROLES_CLAIM", overlay));
    }

    /**
     * Neo4j's own wait for a bookmark is bounded and no shorter than the service's, so a read on a lagging
     * member gets the service's BOOKMARK_NOT_REACHED, and Neo4j does not hold it for its default 30 s.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void neo4jBookmarkWaitIsBoundedAndNoShorterThanTheServices(String overlay) {
        Manifests m = render(overlay);
        String neo4j = m.configMap("partnergraph-neo4j-config").path("data")
                .path("NEO4J_db_transaction_bookmark__ready__timeout").asText("");
        assertTrue(neo4j.matches("\\d+s"), () -> overlay + ": Neo4j's bookmark_ready_timeout in seconds, is '" + neo4j + "'");
        EnvValue service = environment(m, serviceContainer(m)).get("PARTNERGRAPH_BOOKMARK_WAIT");
        java.time.Duration wait = java.time.Duration.parse("PT" + (service == null ? "2s" : service.literal()).toUpperCase());
        long seconds = Long.parseLong(neo4j.substring(0, neo4j.length() - 1));
        assertTrue(seconds >= wait.toSeconds() && seconds <= 10, () -> overlay + ": Neo4j waits " + neo4j
                + " for a bookmark, the service " + wait);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void embeddedStoresAreDisabled(String overlay) {
        Manifests m = render(overlay);
        assertEquals("false", literal(environment(m, serviceContainer(m)), "PARTNERGRAPH_EMBEDDED_ENABLED", overlay));
    }

    @Test
    void productionServesNeitherTheGraphQLUiNorIntrospection() {
        Manifests m = render("prod");
        Map<String, EnvValue> env = environment(m, serviceContainer(m));
        for (String variable : List.of("PARTNERGRAPH_GRAPHQL_UI", "PARTNERGRAPH_INTROSPECTION")) {
            EnvValue value = env.get(variable);
            assertTrue(value == null || "false".equals(value.literal()), () -> "prod: " + variable + " turns on "
                    + "what production keeps off (the %prod default is false)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void neo4jInitialPasswordComesFromTheSecretTheServiceUses(String overlay) {
        Manifests m = render(overlay);
        String serviceSecret = environment(m, serviceContainer(m)).get("NEO4J_PASSWORD")
                .secretKeyRef().orElseThrow().path("name").asText();
        for (JsonNode server : neo4jServers(m)) {
            JsonNode container = neo4jContainer(server);
            Map<String, EnvValue> env = environment(m, container);
            String auth = literal(env, "NEO4J_AUTH", overlay);
            referencedVariables(auth).forEach(variable -> {
                EnvValue value = env.get(variable);
                assertTrue(value != null && value.secretKeyRef().isPresent()
                                && serviceSecret.equals(value.secretKeyRef().get().path("name").asText()),
                        () -> overlay + ": " + name(server) + " NEO4J_AUTH takes " + variable + " from elsewhere than Secret " + serviceSecret);
            });
            assertEquals(2, referencedVariables(auth).size(),
                    () -> overlay + ": " + name(server) + " NEO4J_AUTH must be user/password from the Secret: " + auth);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void neo4jLicenceAgreementIsAnExplicitChoice(String overlay) {
        Manifests m = render(overlay);
        List<JsonNode> servers = neo4jServers(m);
        assertFalse(servers.isEmpty(), () -> overlay + ": no Neo4j StatefulSet");
        for (JsonNode server : servers) {
            JsonNode container = neo4jContainer(server);
            assertTrue(container.path("image").asText().matches("(.*/)?neo4j:[^:]*enterprise"),
                    () -> overlay + ": " + name(server) + " does not run the Neo4j Enterprise image");
            String choice = literal(environment(m, container), "NEO4J_ACCEPT_LICENSE_AGREEMENT", overlay);
            assertTrue(Set.of("yes", "eval").contains(choice), () -> overlay + ": " + name(server)
                    + " licence choice is '" + choice + "'; each overlay must choose yes (commercial licence) or eval");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void storeNetworkPoliciesAdmitOnlyServicePodsToClientPorts(String overlay) {
        Manifests m = render(overlay);
        JsonNode servicePods = podLabels(serviceDeployment(m));
        List<JsonNode> neo4jPods = neo4jServers(m).stream().map(KubernetesManifestsTest::podLabels).toList();
        JsonNode postgresPods = new ObjectMapper().createObjectNode().put("cnpg.io/cluster", name(postgresCluster(m)));

        for (JsonNode pods : neo4jPods) {
            assertClientPortAdmitsOnly(m, overlay, "Neo4j", pods, BOLT_PORT, servicePods);
        }
        assertClientPortAdmitsOnly(m, overlay, "PostgreSQL", postgresPods, POSTGRES_PORT, servicePods);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void servicePodsAnnounceTheirPrometheusEndpoint(String overlay) {
        JsonNode annotations = serviceDeployment(render(overlay))
                .path("spec").path("template").path("metadata").path("annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText(), () -> overlay + ": scrape");
        assertEquals(String.valueOf(SERVICE_PORT), annotations.path("prometheus.io/port").asText(), () -> overlay + ": port");
        assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText(), () -> overlay + ": path");
    }

    /**
     * Outside the cluster only the API, the explorer and the exports are reachable: the management paths under
     * /q (metrics with the projector's pending count, health, the GraphQL UI) are for probes and Prometheus.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesTheApiAndTheExplorerButNoManagementPath(String overlay) {
        List<JsonNode> ingresses = render(overlay).ofKind("Ingress");
        assertEquals(1, ingresses.size(), () -> overlay + ": one Ingress");
        Set<String> routed = new HashSet<>();
        for (JsonNode rule : ingresses.get(0).path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String value = path.path("path").asText();
                routed.add(value);
                assertFalse(value.equals("/") || value.startsWith("/q"), () -> overlay + ": routes " + value);
                assertEquals(SERVICE, path.path("backend").path("service").path("name").asText(), () -> overlay + ": backend");
                assertEquals("http", path.path("backend").path("service").path("port").path("name").asText(),
                        () -> overlay + ": port");
            }
        }
        assertEquals(Set.of("/graphql", "/explore", "/export", "/webjars", "/_static"), routed, overlay);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void servicePodsPreferDifferentNodes(String overlay) {
        Manifests m = render(overlay);
        JsonNode deployment = serviceDeployment(m);
        JsonNode preferred = deployment.path("spec").path("template").path("spec")
                .path("affinity").path("podAntiAffinity").path("preferredDuringSchedulingIgnoredDuringExecution");
        boolean spreadsByHostname = StreamSupport.stream(preferred.spliterator(), false)
                .map(term -> term.path("podAffinityTerm"))
                .anyMatch(term -> "kubernetes.io/hostname".equals(term.path("topologyKey").asText())
                        && selects(term.path("labelSelector"), podLabels(deployment)));
        assertTrue(spreadsByHostname, () -> overlay + ": no preferred pod anti-affinity on kubernetes.io/hostname");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void serviceHasADisruptionBudgetThatStillLetsNodesDrain(String overlay) {
        Manifests m = render(overlay);
        JsonNode pods = podLabels(serviceDeployment(m));
        List<JsonNode> budgets = m.ofKind("PodDisruptionBudget").stream()
                .filter(pdb -> selects(pdb.path("spec").path("selector"), pods))
                .toList();
        assertEquals(1, budgets.size(), () -> overlay + ": expected one PodDisruptionBudget for the service pods");
        JsonNode spec = budgets.get(0).path("spec");
        int floor = minimumServiceReplicas(m);
        boolean allowsEviction = spec.has("maxUnavailable")
                ? spec.path("maxUnavailable").asInt(0) >= 1 || spec.path("maxUnavailable").asText().matches("[1-9]\\d*%")
                : spec.path("minAvailable").asInt(Integer.MAX_VALUE) < floor;
        assertTrue(allowsEviction, () -> overlay + ": the PodDisruptionBudget " + spec + " blocks every eviction");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void keycloakRealmDefinesRolesClientsAndAGroupsClaim(String overlay) throws IOException {
        JsonNode configMap = render(overlay).one("ConfigMap", "partnergraph-keycloak-realm");
        JsonNode realm = new ObjectMapper().readTree(configMap.path("data").path("partnergraph-realm.json").asText());

        assertEquals("partnergraph", realm.path("realm").asText());
        Set<String> roles = StreamSupport.stream(realm.path("roles").path("realm").spliterator(), false)
                .map(role -> role.path("name").asText())
                .collect(Collectors.toSet());
        assertTrue(roles.containsAll(REALM_ROLES), () -> "realm roles " + roles);

        JsonNode api = client(realm, "partnergraph-api");
        assertTrue(api.path("bearerOnly").asBoolean(false), "partnergraph-api must be a bearer-only client");

        JsonNode app = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> client.path("publicClient").asBoolean(false))
                .findFirst()
                .orElseGet(() -> fail("no public client for the apps"));
        assertTrue(app.path("standardFlowEnabled").asBoolean(false), "the apps' client uses the code flow");
        assertEquals("S256", app.path("attributes").path("pkce.code.challenge.method").asText(),
                "a public client must require PKCE");
        boolean rolesInGroups = StreamSupport.stream(app.path("protocolMappers").spliterator(), false)
                .anyMatch(mapper -> "oidc-usermodel-realm-role-mapper".equals(mapper.path("protocolMapper").asText())
                        && "groups".equals(mapper.path("config").path("claim.name").asText())
                        && "true".equals(mapper.path("config").path("access.token.claim").asText()));
        assertTrue(rolesInGroups, "realm roles must reach the access token as a 'groups' claim");

        assertFalse(realm.has("users") && realm.path("users").size() > 0, "users (and their passwords) stay out of git");
        assertTrue(realm.findValues("credentials").isEmpty(), "the realm export must carry no credentials");
        assertTrue(realm.path("clients").findValues("secret").isEmpty(), "the realm export must carry no client secret");
    }

    // ---------------------------------------------------------------- prod

    @Test
    void prodServiceRunsAtLeastTwoReplicas() {
        Manifests m = render("prod");
        JsonNode replicas = serviceDeployment(m).path("spec").path("replicas");
        assertTrue(replicas.isMissingNode() || replicas.asInt() >= 2,
                () -> "the prod Deployment pins " + replicas + " replicas");
        assertTrue(minimumServiceReplicas(m) >= 2, "prod must never run fewer than two service replicas");
    }

    @Test
    void prodAutoscalerKeepsAtLeastTwoReplicasAndScalesOnCpu() {
        Manifests m = render("prod");
        JsonNode hpa = serviceAutoscaler(m).orElseGet(() -> fail("prod has no HorizontalPodAutoscaler for the service"));
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        JsonNode spec = hpa.path("spec");
        assertTrue(spec.path("minReplicas").asInt(1) >= 2, () -> "HPA minReplicas " + spec.path("minReplicas"));
        assertTrue(spec.path("maxReplicas").asInt() > spec.path("minReplicas").asInt(1), "HPA maxReplicas");
        boolean onCpu = StreamSupport.stream(spec.path("metrics").spliterator(), false)
                .anyMatch(metric -> "Resource".equals(metric.path("type").asText())
                        && "cpu".equals(metric.path("resource").path("name").asText())
                        && "Utilization".equals(metric.path("resource").path("target").path("type").asText()));
        assertTrue(onCpu, "the HPA must scale on CPU utilisation");
    }

    @Test
    void prodNeo4jClusterHasThreePrimariesAndTwoReadReplicas() {
        Manifests m = render("prod");
        int primaries = 0;
        int secondaries = 0;
        for (JsonNode server : neo4jServers(m)) {
            Map<String, EnvValue> env = environment(m, neo4jContainer(server));
            String mode = literal(env, "NEO4J_initial_server_mode__constraint", "prod");
            int replicas = server.path("spec").path("replicas").asInt(1);
            switch (mode) {
                case "PRIMARY" -> primaries += replicas;
                case "SECONDARY" -> secondaries += replicas;
                default -> fail(name(server) + " has mode constraint " + mode + "; prod pins each server's role");
            }
            assertEquals(mode, literal(env, "NEO4J_server_cluster_system__database__mode", "prod"),
                    () -> name(server) + " hosts the system database in another mode than its databases");
            assertDiscoversThroughHeadlessService(m, server, env);
        }
        assertEquals(3, primaries, "prod Neo4j primaries");
        assertTrue(secondaries >= 2, "prod needs at least two Neo4j read replicas, has " + secondaries);

        JsonNode config = m.configMap("partnergraph-neo4j-config").path("data");
        assertEquals("3", config.path("NEO4J_dbms_cluster_minimum__initial__system__primaries__count").asText());
        assertEquals("3", config.path("NEO4J_initial_dbms_default__primaries__count").asText());
        assertEquals(String.valueOf(secondaries), config.path("NEO4J_initial_dbms_default__secondaries__count").asText(),
                "the default database must be allocated on every read replica");
    }

    @Test
    void prodPostgresClusterHasThreeInstances() {
        JsonNode cluster = postgresCluster(render("prod"));
        assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText());
        assertEquals(3, cluster.path("spec").path("instances").asInt());
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        assertEquals("partnergraph", initdb.path("database").asText());
        assertEquals("partnergraph", initdb.path("owner").asText());
        assertFalse(initdb.path("secret").path("name").asText().isBlank(), "initdb must take the owner from a Secret");
    }

    @Test
    void prodImagesArePinned() {
        Manifests m = render("prod");
        String image = serviceContainer(m).path("image").asText();
        assertTrue(image.contains("@sha256:") || image.matches(".+/.+:(?!latest$)[\\w][\\w.-]*"),
                () -> "the prod service image must come from a registry with a fixed tag or digest: " + image);
        for (JsonNode server : neo4jServers(m)) {
            String neo4jImage = neo4jContainer(server).path("image").asText();
            assertTrue(neo4jImage.matches(".*neo4j:\\d+\\.\\d+\\.\\d+-enterprise"),
                    () -> name(server) + " must pin a Neo4j patch release: " + neo4jImage);
        }
    }

    @Test
    void prodDoesNotSeedAndLogsJson() {
        Manifests m = render("prod");
        Map<String, EnvValue> env = environment(m, serviceContainer(m));
        assertEquals("false", literal(env, "PARTNERGRAPH_SEED_ON_START", "prod"));
        assertEquals("true", literal(env, "PARTNERGRAPH_LOG_JSON", "prod"));
    }

    // ---------------------------------------------------------------- dev

    @Test
    void devRunsOneServiceReplicaOneNeo4jServerAndOnePostgresInstance() {
        Manifests m = render("dev");
        assertEquals(1, serviceDeployment(m).path("spec").path("replicas").asInt(1), "dev service replicas");
        serviceAutoscaler(m).ifPresent(hpa -> assertEquals(1, hpa.path("spec").path("minReplicas").asInt(1),
                "a dev HPA may not hold more than one replica"));
        int neo4jServers = neo4jServers(m).stream().mapToInt(sts -> sts.path("spec").path("replicas").asInt(1)).sum();
        assertEquals(1, neo4jServers, "dev Neo4j servers");
        assertEquals("1", m.configMap("partnergraph-neo4j-config").path("data")
                .path("NEO4J_dbms_cluster_minimum__initial__system__primaries__count").asText(),
                "a single dev server must not wait for more primaries");
        assertEquals(1, postgresCluster(m).path("spec").path("instances").asInt(), "dev PostgreSQL instances");
    }

    // ---------------------------------------------------------------- checks shared by tests

    private static void assertClientPortAdmitsOnly(Manifests m, String overlay, String store, JsonNode storePods,
            int port, JsonNode servicePods) {
        List<JsonNode> policies = m.ofKind("NetworkPolicy").stream()
                .filter(policy -> selects(policy.path("spec").path("podSelector"), storePods))
                .toList();
        assertFalse(policies.isEmpty(), () -> overlay + ": no NetworkPolicy selects the " + store + " pods " + storePods);
        boolean serviceAdmitted = false;
        List<String> strangers = new ArrayList<>();
        for (JsonNode policy : policies) {
            assertTrue(texts(policy.path("spec").path("policyTypes")).contains("Ingress"),
                    () -> overlay + ": NetworkPolicy " + name(policy) + " does not restrict ingress");
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!coversPort(rule.path("ports"), port)) {
                    continue;
                }
                if (!rule.has("from") || rule.path("from").isEmpty()) {
                    strangers.add(name(policy) + " admits every source");
                    continue;
                }
                for (JsonNode peer : rule.path("from")) {
                    if (isCloudNativePgOperator(peer) && port == POSTGRES_PORT) {
                        continue;
                    }
                    if (peer.has("ipBlock") || peer.has("namespaceSelector") || !peer.has("podSelector")
                            || peer.path("podSelector").path("matchLabels").isEmpty()) {
                        strangers.add(name(policy) + " admits " + peer);
                    } else if (selects(peer.path("podSelector"), servicePods)) {
                        serviceAdmitted = true;
                    } else if (!selects(peer.path("podSelector"), storePods)) {
                        strangers.add(name(policy) + " admits " + peer);
                    }
                }
            }
        }
        assertTrue(strangers.isEmpty(), () -> overlay + ": " + store + " port " + port + ": " + strangers);
        assertTrue(serviceAdmitted, () -> overlay + ": the service pods may not reach " + store + " on " + port);
    }

    /** The CloudNativePG operator must reach its instances (its docs: ports 8000 and 5432). */
    private static boolean isCloudNativePgOperator(JsonNode peer) {
        return "cnpg-system".equals(peer.path("namespaceSelector").path("matchLabels")
                        .path("kubernetes.io/metadata.name").asText())
                && "cloudnative-pg".equals(peer.path("podSelector").path("matchLabels")
                        .path("app.kubernetes.io/name").asText());
    }

    private static void assertDiscoversThroughHeadlessService(Manifests m, JsonNode server, Map<String, EnvValue> env) {
        JsonNode headless = m.one("Service", server.path("spec").path("serviceName").asText());
        assertEquals("None", headless.path("spec").path("clusterIP").asText(), "the StatefulSet's Service is headless");
        assertTrue(headless.path("spec").path("publishNotReadyAddresses").asBoolean(false),
                "a forming cluster has no ready member: the headless Service must publish not-ready pods");
        assertTrue(selects(headless.path("spec").path("selector"), podLabels(server)),
                () -> "the headless Service does not select " + name(server));
        assertTrue(literal(env, "NEO4J_dbms_cluster_discovery_v2_endpoints", "prod").startsWith(name(headless) + "."),
                () -> name(server) + " must discover its peers through " + name(headless));
    }

    private static List<String> missingResources(String where, JsonNode resources) {
        List<String> missing = new ArrayList<>();
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (resources.path(bound).path(resource).asText().isBlank()) {
                    missing.add(where + " has no " + bound + "." + resource);
                }
            }
        }
        return missing;
    }

    private static int minimumServiceReplicas(Manifests m) {
        return serviceAutoscaler(m)
                .map(hpa -> hpa.path("spec").path("minReplicas").asInt(1))
                .orElseGet(() -> serviceDeployment(m).path("spec").path("replicas").asInt(1));
    }

    // ---------------------------------------------------------------- reading the manifests

    private static JsonNode serviceDeployment(Manifests m) {
        return m.one("Deployment", SERVICE);
    }

    private static JsonNode serviceContainer(Manifests m) {
        return containersOf(serviceDeployment(m)).stream()
                .filter(container -> SERVICE.equals(container.path("name").asText()))
                .findFirst()
                .orElseGet(() -> fail("the Deployment has no container named " + SERVICE));
    }

    private static Optional<JsonNode> serviceAutoscaler(Manifests m) {
        return m.ofKind("HorizontalPodAutoscaler").stream()
                .filter(hpa -> "Deployment".equals(hpa.path("spec").path("scaleTargetRef").path("kind").asText())
                        && SERVICE.equals(hpa.path("spec").path("scaleTargetRef").path("name").asText()))
                .findFirst();
    }

    private static List<JsonNode> neo4jServers(Manifests m) {
        return m.ofKind("StatefulSet").stream()
                .filter(sts -> "neo4j".equals(podLabels(sts).path("app.kubernetes.io/name").asText()))
                .toList();
    }

    private static JsonNode neo4jContainer(JsonNode statefulSet) {
        return containersOf(statefulSet).stream()
                .filter(container -> "neo4j".equals(container.path("name").asText()))
                .findFirst()
                .orElseGet(() -> fail(name(statefulSet) + " has no neo4j container"));
    }

    private static JsonNode postgresCluster(Manifests m) {
        List<JsonNode> clusters = m.ofKind("Cluster").stream()
                .filter(cluster -> cluster.path("apiVersion").asText().startsWith("postgresql.cnpg.io/"))
                .toList();
        assertEquals(1, clusters.size(), "expected one CloudNativePG Cluster");
        return clusters.get(0);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(client -> clientId.equals(client.path("clientId").asText()))
                .findFirst()
                .orElseGet(() -> fail("the realm has no client " + clientId));
    }

    private static List<JsonNode> containersOf(JsonNode workload) {
        JsonNode podSpec = "CronJob".equals(workload.path("kind").asText())
                ? workload.path("spec").path("jobTemplate").path("spec").path("template").path("spec")
                : workload.path("spec").path("template").path("spec");
        List<JsonNode> containers = new ArrayList<>();
        podSpec.path("initContainers").forEach(containers::add);
        podSpec.path("containers").forEach(containers::add);
        return containers;
    }

    private static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    /** A value of the container's environment: literal (from env or a ConfigMap) or a Secret reference. */
    record EnvValue(String literal, Optional<JsonNode> secretKeyRef) {
    }

    /** The container's environment as the kubelet would build it: envFrom first, then env on top. */
    private static Map<String, EnvValue> environment(Manifests m, JsonNode container) {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                m.one("ConfigMap", source.path("configMapRef").path("name").asText()).path("data").fields()
                        .forEachRemaining(e -> env.put(source.path("prefix").asText("") + e.getKey(),
                                new EnvValue(e.getValue().asText(), Optional.empty())));
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode from = variable.path("valueFrom");
            EnvValue value;
            if (from.has("secretKeyRef")) {
                value = new EnvValue(null, Optional.of(from.path("secretKeyRef")));
            } else if (from.has("configMapKeyRef")) {
                JsonNode ref = from.path("configMapKeyRef");
                value = new EnvValue(m.one("ConfigMap", ref.path("name").asText()).path("data")
                        .path(ref.path("key").asText()).asText(), Optional.empty());
            } else if (variable.has("value")) {
                value = new EnvValue(variable.path("value").asText(), Optional.empty());
            } else {
                value = new EnvValue(null, Optional.empty());
            }
            env.put(variable.path("name").asText(), value);
        }
        return env;
    }

    private static String literal(Map<String, EnvValue> env, String variable, String overlay) {
        EnvValue value = env.get(variable);
        assertNotNull(value, () -> overlay + ": " + variable + " is not set");
        assertNotNull(value.literal(), () -> overlay + ": " + variable + " has no plain value");
        return value.literal();
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(p -> port.asText().equals(p.path("name").asText()))
                .mapToInt(p -> p.path("containerPort").asInt())
                .findFirst()
                .orElseGet(() -> fail("no container port named " + port.asText()));
    }

    private static Set<Integer> servicePorts(JsonNode service) {
        Set<Integer> ports = new HashSet<>();
        service.path("spec").path("ports").forEach(port -> ports.add(port.path("port").asInt()));
        return ports;
    }

    private static boolean coversPort(JsonNode ports, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode entry : ports) {
            JsonNode p = entry.path("port");
            if (p.isMissingNode()) {
                return true;
            }
            if (p.isInt()) {
                int end = entry.path("endPort").asInt(p.asInt());
                if (p.asInt() <= port && port <= end) {
                    return true;
                }
            } else {
                // A named port: which number it is depends on the pod; count it as covering.
                return true;
            }
        }
        return false;
    }

    /** Label selector semantics: matchLabels and matchExpressions; an empty selector selects everything. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode matchLabels = selector.has("matchLabels") || selector.has("matchExpressions")
                ? selector.path("matchLabels")
                : selector; // a Service's spec.selector is a plain map
        var entries = matchLabels.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asText()).asText(null);
            List<String> values = texts(expression.path("values"));
            boolean matches = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeCredential(String name) {
        String upper = name.toUpperCase();
        return upper.contains("PASSWORD") || upper.contains("SECRET") || upper.contains("TOKEN");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** The $(VAR) references that Kubernetes expands in an env value. */
    private static List<String> referencedVariables(String value) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = ENV_REFERENCE.matcher(value);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    // ---------------------------------------------------------------- rendering

    private static Manifests render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, KubernetesManifestsTest::kustomize);
    }

    private static Manifests kustomize(String overlay) {
        Path dir = OVERLAYS.resolve(overlay);
        assertTrue(Files.isDirectory(dir), () -> "no overlay at " + dir.toAbsolutePath()
                + "; the test runs from the project root, where k8s/ is");
        String kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            try {
                Process process;
                try {
                    process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .start();
                } catch (IOException e) {
                    return fail("kubectl is needed to render k8s/overlays/" + overlay + " and could not be run ('"
                            + kubectl + "': " + e.getMessage() + "). Run the test through Maven (./mvnw verify"
                            + " fetches a pinned kubectl on Linux x86-64), or install kubectl 1.29+ (it has"
                            + " kustomize built in), or set KUBECTL to its path.");
                }
                if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return fail("kubectl kustomize " + dir + " did not finish in " + RENDER_TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    return fail("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                List<JsonNode> documents = new ArrayList<>();
                new YAMLMapper().readerFor(JsonNode.class)
                        .<JsonNode>readValues(Files.readString(out, StandardCharsets.UTF_8))
                        .forEachRemaining(document -> {
                            if (document != null && document.isObject() && !document.isEmpty()) {
                                documents.add(document);
                            }
                        });
                assertFalse(documents.isEmpty(), () -> "kubectl kustomize " + dir + " rendered nothing");
                return new Manifests(List.copyOf(documents));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("could not render " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while rendering " + dir);
        }
    }

    private static String kubectl() {
        Optional<String> fromEnvironment = Optional.ofNullable(System.getenv("KUBECTL")).filter(s -> !s.isBlank());
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        String pinned = System.getProperty(PINNED_KUBECTL, "");
        if (pinned.isBlank()) {
            return "kubectl";
        }
        // The build said where it put the pinned kubectl: a missing file is a broken build, not a reason
        // to render with whatever kubectl (and kustomize version) the PATH happens to have.
        assertTrue(Files.isExecutable(Path.of(pinned)), () -> PINNED_KUBECTL + " is " + pinned
                + ", which is not an executable file; the Maven build unpacks it in generate-test-resources");
        return pinned;
    }

    /** The objects of one rendered overlay. */
    record Manifests(List<JsonNode> documents) {

        List<JsonNode> ofKind(String kind) {
            return documents.stream().filter(doc -> kind.equals(doc.path("kind").asText())).toList();
        }

        List<JsonNode> ofKinds(String... kinds) {
            Set<String> wanted = Set.of(kinds);
            return documents.stream().filter(doc -> wanted.contains(doc.path("kind").asText())).toList();
        }

        JsonNode one(String kind, String name) {
            List<JsonNode> found = ofKind(kind).stream().filter(doc -> name.equals(name(doc))).toList();
            assertEquals(1, found.size(), () -> "expected one " + kind + " named " + name + ", found " + found.size());
            return found.get(0);
        }

        /** A generated ConfigMap, by the name before kustomize appended its content hash. */
        JsonNode configMap(String generatorName) {
            List<JsonNode> found = ofKind("ConfigMap").stream()
                    .filter(doc -> name(doc).equals(generatorName) || name(doc).matches(
                            Pattern.quote(generatorName) + "-[a-z0-9]{10}"))
                    .toList();
            assertEquals(1, found.size(), () -> "expected one ConfigMap generated as " + generatorName);
            return found.get(0);
        }
    }
}
