package dev.berth.scheduler.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import dev.berth.scheduler.clusters.ClusterKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The composite texts of the tasks package, read back into what they were made from. */
class PlacementNoticeTest {

    @Test
    void aNotificationNamesTheClusterAndThePlacer() {
        PlacementNotice notice = new PlacementNotice(new ClusterKey("acme", "prod-1"), "r-42");
        assertEquals("acme/prod-1/r-42", notice.payload());
        assertEquals(Optional.of(notice), PlacementNotice.parse(notice.payload()));
        assertEquals(Optional.of(new PlacementNotice(new ClusterKey("acme", "prod"), "")), PlacementNotice.parse("acme/prod/"));
        assertTrue(PlacementNotice.parse("acme").isEmpty());
        assertTrue(PlacementNotice.parse("acme//r").isEmpty());
    }

    @Test
    void aListPositionIsReadBackOrRefusedByItsField() {
        TaskListPosition position = new TaskListPosition(Instant.parse("2026-01-02T03:04:05.123456Z"), "t-1");
        assertEquals(position, TaskListPosition.parse(position.text()));
        InvalidInputException noBar = assertThrows(InvalidInputException.class, () -> TaskListPosition.parse("garbage"));
        assertEquals("nextToken", noBar.field());
        assertThrows(InvalidInputException.class, () -> TaskListPosition.parse("yesterday|t-1"));
    }
}
