package org.aitia.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md's module table. Every module's production classes are on this
 * module's class path, so one test checks them all.
 */
class ModuleBoundariesTest {
    private static final String[] ENGINES = {
        "org.apache.kafka..", "org.apache.flink..", "co.elastic..", "org.elasticsearch..",
    };
    private static final String[] HTTP_SERVERS = {
        "io.javalin..", "org.eclipse.jetty..", "com.sun.net.httpserver..", "io.netty..",
        "jakarta.servlet..", "javax.servlet..", "io.undertow..", "io.vertx..",
    };

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.aitia");
    }

    static ArchRule pureLibrary(String pkg) {
        return noClasses()
                .that()
                .resideInAPackage(pkg)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(ENGINES, HTTP_SERVERS))
                .because("model, topology-graph and rca-rules are pure libraries (DESIGN.md)");
    }

    static ArchRule mayNotUse(String pkg, String... forbidden) {
        return noClasses()
                .that()
                .resideInAPackage(pkg)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .because("of DESIGN.md's module table");
    }

    @Test
    void shouldFindTheClassesOfEveryModule() {
        for (String pkg : new String[] {"org.aitia.model", "org.aitia.testdata", "org.aitia.app"}) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as("classes of " + pkg + " are imported")
                    .isTrue();
        }
    }

    @Test
    void modelShouldDependOnJacksonOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.aitia.model..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "com.fasterxml.jackson..", "org.aitia.model..")
                .because("model depends on Jackson only (DESIGN.md)")
                .check(production);
    }

    @Test
    void topologyGraphShouldBeAPureLibrary() {
        pureLibrary("org.aitia.topology..").check(production);
        mayNotUse(
                        "org.aitia.topology..",
                        "org.aitia.rules..",
                        "org.aitia.collectors..",
                        "org.aitia.streaming..",
                        "org.aitia.healing..",
                        "org.aitia.api..",
                        "org.aitia.testdata..",
                        "org.aitia.app..",
                        "org.drools..",
                        "org.kie..")
                .check(production);
    }

    @Test
    void rcaRulesShouldBeAPureLibrary() {
        pureLibrary("org.aitia.rules..").check(production);
        mayNotUse(
                        "org.aitia.rules..",
                        "org.aitia.collectors..",
                        "org.aitia.streaming..",
                        "org.aitia.healing..",
                        "org.aitia.api..",
                        "org.aitia.testdata..",
                        "org.aitia.app..")
                .check(production);
    }

    @Test
    void collectorsShouldNotReachIntoTheEngineOrTheVimAdapters() {
        mayNotUse(
                        "org.aitia.collectors..",
                        "org.apache.flink..",
                        "co.elastic..",
                        "org.elasticsearch..",
                        "org.drools..",
                        "org.aitia.topology..",
                        "org.aitia.rules..",
                        "org.aitia.streaming..",
                        "org.aitia.healing..",
                        "org.aitia.api..",
                        "org.aitia.app..")
                .check(production);
    }

    @Test
    void streamingJobsShouldNotServeHttpNorCallTheVim() {
        mayNotUse(
                        "org.aitia.streaming..",
                        concat(
                                HTTP_SERVERS,
                                new String[] {
                                    "org.aitia.collectors..",
                                    "org.aitia.healing..",
                                    "org.aitia.api..",
                                    "org.aitia.app..",
                                    "org.openstack4j..",
                                    "io.fabric8.."
                                }))
                .check(production);
    }

    @Test
    void healingShouldNotDependOnTheEngine() {
        mayNotUse(
                        "org.aitia.healing..",
                        "org.apache.flink..",
                        "org.drools..",
                        "org.aitia.topology..",
                        "org.aitia.rules..",
                        "org.aitia.collectors..",
                        "org.aitia.streaming..",
                        "org.aitia.api..",
                        "org.aitia.app..")
                .check(production);
    }

    @Test
    void alarmsApiShouldNotDependOnTheJobTheCollectorsOrTheVimAdapters() {
        mayNotUse(
                        "org.aitia.api..",
                        "org.apache.flink..",
                        "org.aitia.collectors..",
                        "org.aitia.streaming..",
                        "org.aitia.healing..",
                        "org.aitia.app..",
                        "org.openstack4j..")
                .check(production);
    }

    @Test
    void testdataShouldDependOnModelOnly() {
        mayNotUse(
                        "org.aitia.testdata..",
                        "org.aitia.topology..",
                        "org.aitia.rules..",
                        "org.aitia.collectors..",
                        "org.aitia.streaming..",
                        "org.aitia.healing..",
                        "org.aitia.api..",
                        "org.aitia.app..")
                .check(production);
    }

    @Test
    void aRuleShouldFailWhenRcaRulesImportsFlink() {
        // Proof that the rules can fail: a test-only class in org.aitia.rules that uses Flink.
        JavaClasses withViolation =
                new ClassFileImporter()
                        .importClasses(
                                org.aitia.rules.archfixture.UsesFlink.class,
                                org.apache.flink.api.common.functions.MapFunction.class);

        EvaluationResult result = pureLibrary("org.aitia.rules..").evaluate(withViolation);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("org.aitia.rules.archfixture.UsesFlink")
                .contains("org.apache.flink.api.common.functions.MapFunction");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
