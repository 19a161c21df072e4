package com.realsim.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.db.TableClassification.Placement;
import com.realsim.testsupport.DatabaseOwner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrated schema keeps the road to Citus open (docs/scaling.md): every table is classified on that page, every
 * table classified as conforming keeps Citus's rules for its placement, and every table still listed as not
 * conforming does break one (so the list is true). A new migration that adds a table without a classification, or
 * breaks a rule on a conforming table, fails here. Tables that only the tests' own migrations create are not the
 * application's and need no row.
 */
@SpringBootTest
class DistributionRulesTest {

    @Autowired
    JdbcClient sql;

    @Autowired
    Environment environment;

    private static final Path TEST_MIGRATIONS = Path.of("src/test/resources/db/migration");

    private final TableClassification classification = TableClassification.fromDocument();

    @Test
    void everyTableOfTheSchemaIsClassifiedAndEveryClassifiedTableExists() {
        DistributionRules rules = schemaRules();
        assertThat(rules.tables()).contains("card", "card_end_user", "identity_quota", "flyway_schema_history");
        Set<String> ofTestMigrations = testMigrationTables();
        assertThat(ofTestMigrations).isNotEmpty();
        assertThat(rules.unclassified(classification))
                .as("tables without a row in docs/scaling.md's classification")
                .isSubsetOf(ofTestMigrations);
        assertThat(rules.missing(classification))
                .as("rows of docs/scaling.md's classification for tables the schema does not have")
                .isEmpty();
    }

    @Test
    void everyTableClassifiedAsConformingKeepsTheRulesOfItsPlacement() {
        Map<String, List<String>> violations = schemaRules().violations(classification);
        Map<String, List<String>> ofConforming = new TreeMap<>(violations);
        ofConforming
                .keySet()
                .removeIf(table -> !classification.of(table).orElseThrow().conforms());
        assertThat(ofConforming)
                .as("what tables classified as conforming in docs/scaling.md break")
                .isEmpty();
    }

    @Test
    void everyTableListedAsNotYetConformingStillBreaksARule() {
        Map<String, List<String>> violations = schemaRules().violations(classification);
        Set<String> notYet = classification.tables().values().stream()
                .filter(placement -> !placement.conforms())
                .map(Placement::table)
                .collect(Collectors.toSet());
        assertThat(notYet)
                .as("tables listed as 'not yet' that now keep every rule: mark them 'yes' in docs/scaling.md")
                .allSatisfy(table -> assertThat(violations).containsKey(table));
    }

    /** The checks themselves, on a scratch schema with one table for each way of breaking a rule. */
    @Test
    void eachWayOfBreakingARuleIsFound() {
        JdbcClient owner = DatabaseOwner.sql(environment);
        String schema = "distribution_probe_" + UUID.randomUUID().toString().replace("-", "");
        owner.sql("CREATE SCHEMA " + schema).update();
        try {
            for (String statement : List.of(
                    "CREATE TABLE parent (id BIGINT PRIMARY KEY)",
                    "CREATE TABLE child (parent_id BIGINT NOT NULL REFERENCES parent (id), id BIGINT,"
                            + " PRIMARY KEY (parent_id, id), UNIQUE (parent_id, id))",
                    "CREATE TABLE key_without_column (parent_id BIGINT, id BIGINT PRIMARY KEY)",
                    "CREATE TABLE unique_without_column (parent_id BIGINT NOT NULL, id BIGINT, code TEXT,"
                            + " PRIMARY KEY (parent_id, id))",
                    "CREATE UNIQUE INDEX unique_code_uk ON unique_without_column (code) WHERE code IS NOT NULL",
                    "CREATE TABLE no_key (parent_id BIGINT NOT NULL)",
                    "CREATE TABLE other (id BIGINT PRIMARY KEY)",
                    "CREATE TABLE crossing (other_id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES parent (id))",
                    "CREATE TABLE wrong_join (parent_id BIGINT PRIMARY KEY, another BIGINT REFERENCES parent (id))",
                    "CREATE TABLE plan (id BIGINT PRIMARY KEY)",
                    "CREATE TABLE uses_plan (parent_id BIGINT PRIMARY KEY, plan_id BIGINT REFERENCES plan (id))",
                    "CREATE TABLE reference_to_distributed (id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES"
                            + " parent (id))",
                    "CREATE TABLE local_to_distributed (id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES"
                            + " parent (id))",
                    "CREATE TABLE local_to_reference (id BIGINT PRIMARY KEY, plan_id BIGINT REFERENCES plan (id))",
                    "CREATE TABLE text_keyed (k TEXT PRIMARY KEY)",
                    "CREATE TABLE number_keyed (k BIGINT PRIMARY KEY)",
                    "CREATE TABLE not_in_the_list (id BIGINT PRIMARY KEY)")) {
                owner.sql(statement
                                .replace("TABLE ", "TABLE " + schema + ".")
                                .replace("REFERENCES ", "REFERENCES " + schema + ".")
                                .replace(" ON ", " ON " + schema + "."))
                        .update();
            }
            TableClassification probe = TableClassification.parse(List.of(
                    "<!-- classification:start -->",
                    "| table | placement | column | group | conforms |",
                    "|---|---|---|---|---|",
                    "| parent | distributed | id | g | yes |",
                    "| child | distributed | parent_id | g | yes |",
                    "| key_without_column | distributed | parent_id | g | yes |",
                    "| unique_without_column | distributed | parent_id | g | yes |",
                    "| no_key | distributed | parent_id | g | yes |",
                    "| other | distributed | id | h | yes |",
                    "| crossing | distributed | other_id | h | yes |",
                    "| wrong_join | distributed | parent_id | g | yes |",
                    "| plan | reference | | | yes |",
                    "| uses_plan | distributed | parent_id | g | yes |",
                    "| reference_to_distributed | reference | | | yes |",
                    "| local_to_distributed | local | | | yes |",
                    "| local_to_reference | local | | | yes |",
                    "| text_keyed | distributed | k | m | yes |",
                    "| number_keyed | distributed | k | m | yes |",
                    "| gone | local | | | yes |",
                    "<!-- classification:end -->"));
            DistributionRules rules = new DistributionRules(owner, schema);

            assertThat(rules.unclassified(probe)).containsExactly("not_in_the_list");
            assertThat(rules.missing(probe)).containsExactly("gone");
            Map<String, List<String>> violations = rules.violations(probe);
            assertThat(violations)
                    .doesNotContainKeys("parent", "child", "other", "plan", "uses_plan", "local_to_reference");
            assertThat(violations.get("key_without_column"))
                    .containsExactlyInAnyOrder(
                            "distribution column parent_id may be NULL",
                            "primary key key_without_column_pkey lacks parent_id");
            assertThat(violations.get("unique_without_column"))
                    .containsExactly("unique index unique_code_uk lacks parent_id");
            assertThat(violations.get("no_key")).containsExactly("has no primary key");
            assertThat(violations.get("crossing"))
                    .containsExactly("foreign key crossing_parent_id_fkey to parent: crosses from group h to group g");
            assertThat(violations.get("wrong_join"))
                    .containsExactly(
                            "foreign key wrong_join_another_fkey to parent: does not join parent_id to" + " parent.id");
            assertThat(violations.get("reference_to_distributed"))
                    .containsExactly("foreign key reference_to_distributed_parent_id_fkey to parent: a reference"
                            + " table references a distributed one");
            assertThat(violations.get("local_to_distributed"))
                    .containsExactly("foreign key local_to_distributed_parent_id_fkey to parent: a local table"
                            + " references a distributed one");
            assertThat(violations.get("text_keyed"))
                    .containsExactly("group m mixes distribution column types [bigint, text] (k is text)");
            assertThat(violations.get("number_keyed"))
                    .containsExactly("group m mixes distribution column types [bigint, text] (k is bigint)");
        } finally {
            owner.sql("DROP SCHEMA " + schema + " CASCADE").update();
        }
    }

    /** The tables only the tests' own migrations make (src/test/resources/db/migration): not the application's. */
    private static Set<String> testMigrationTables() {
        Pattern createTable = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
        try (Stream<Path> files = Files.list(TEST_MIGRATIONS)) {
            Set<String> tables = new TreeSet<>();
            for (Path file : files.toList()) {
                Matcher matcher = createTable.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DistributionRules schemaRules() {
        return new DistributionRules(
                sql, sql.sql("SELECT current_schema()").query(String.class).single());
    }
}
