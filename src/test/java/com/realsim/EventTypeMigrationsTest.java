package com.realsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations that follow event classes to their new packages: a stored publication of every class a migration
 * names, with its old name, is read by its new name afterwards — a class that exists (and the old one no longer
 * does), so Spring Modulith can deserialise it when it delivers or retries the publication.
 */
@SpringBootTest
class EventTypeMigrationsTest {

    static final Pattern OLD_NAME = Pattern.compile("'(com\\.realsim\\.[a-z]+\\.[A-Z][A-Za-z]+)'");

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"V140__catalogue_event_types_moved.sql", "V141__card_event_types_moved.sql"})
    void everyMovedEventIsFoundByItsNewName(String migration) throws IOException, ClassNotFoundException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration", migration), StandardCharsets.UTF_8);
        Matcher names = OLD_NAME.matcher(sql);
        List<String> oldNames = names.results().map(m -> m.group(1)).toList();
        assertThat(oldNames).isNotEmpty();
        List<UUID> ids = oldNames.stream().map(name -> publication(name)).toList();
        try {
            jdbc.execute(sql);
            for (int i = 0; i < ids.size(); i++) {
                String oldName = oldNames.get(i);
                String newName = jdbc.queryForObject(
                        "SELECT event_type FROM event_publication WHERE id = ?", String.class, ids.get(i));
                assertThat(newName).isNotEqualTo(oldName);
                assertThat(Class.forName(newName).getSimpleName())
                        .isEqualTo(oldName.substring(oldName.lastIndexOf('.') + 1));
                assertThatThrownBy(() -> Class.forName(oldName)).isInstanceOf(ClassNotFoundException.class);
            }
        } finally {
            ids.forEach(id -> jdbc.update("DELETE FROM event_publication WHERE id = ?", id));
        }
    }

    /** A completed publication of this event type (completed: no retry job picks it up meanwhile). */
    UUID publication(String eventType) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date, status) VALUES (?, 'test.listener', ?, '{}', ?, ?, 'COMPLETED')",
                id,
                eventType,
                now,
                now);
        return id;
    }
}
