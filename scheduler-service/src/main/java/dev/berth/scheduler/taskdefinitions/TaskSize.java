package dev.berth.scheduler.taskdefinitions;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Task-level cpu and memory as ECS writes them: {@code "1024"} or {@code "1 vCPU"}, {@code "2048"} or {@code "2 GB"}. */
public final class TaskSize {

    private static final Pattern CPU = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(vcpu)?");
    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(gb|mb|mib|gib)?");

    private TaskSize() {
    }

    /** cpu units (1 vCPU = 1024), or null when not given. */
    public static Integer cpuUnits(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = CPU.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidTaskDefinitionException("cpu", "'" + value + "' is neither cpu units (\"1024\") nor vCPUs (\"1 vCPU\")");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        int units = (m.group(2) != null ? amount.multiply(BigDecimal.valueOf(1024)) : amount).intValue();
        if (units < 128) {
            throw new InvalidTaskDefinitionException("cpu", "at least 128 cpu units (0.125 vCPU), got " + units);
        }
        return units;
    }

    /** MiB, or null when not given. */
    public static Integer memoryMiB(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = MEMORY.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidTaskDefinitionException("memory", "'" + value + "' is neither MiB (\"2048\") nor GB (\"2 GB\")");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        boolean gigabytes = m.group(2) != null && m.group(2).startsWith("g");
        int mib = (gigabytes ? amount.multiply(BigDecimal.valueOf(1024)) : amount).intValue();
        if (mib < 6) {
            throw new InvalidTaskDefinitionException("memory", "at least 6 MiB, got " + mib);
        }
        return mib;
    }
}
