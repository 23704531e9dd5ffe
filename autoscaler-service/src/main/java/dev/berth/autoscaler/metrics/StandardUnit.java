package dev.berth.autoscaler.metrics;

import java.util.Arrays;
import java.util.Optional;

/** CloudWatch's units (botocore StandardUnit); {@code code} is how a data point's unit is stored. */
public enum StandardUnit {
    NONE("None", 0),
    SECONDS("Seconds", 1),
    MICROSECONDS("Microseconds", 2),
    MILLISECONDS("Milliseconds", 3),
    BYTES("Bytes", 4),
    KILOBYTES("Kilobytes", 5),
    MEGABYTES("Megabytes", 6),
    GIGABYTES("Gigabytes", 7),
    TERABYTES("Terabytes", 8),
    BITS("Bits", 9),
    KILOBITS("Kilobits", 10),
    MEGABITS("Megabits", 11),
    GIGABITS("Gigabits", 12),
    TERABITS("Terabits", 13),
    PERCENT("Percent", 14),
    COUNT("Count", 15),
    BYTES_PER_SECOND("Bytes/Second", 16),
    KILOBYTES_PER_SECOND("Kilobytes/Second", 17),
    MEGABYTES_PER_SECOND("Megabytes/Second", 18),
    GIGABYTES_PER_SECOND("Gigabytes/Second", 19),
    TERABYTES_PER_SECOND("Terabytes/Second", 20),
    BITS_PER_SECOND("Bits/Second", 21),
    KILOBITS_PER_SECOND("Kilobits/Second", 22),
    MEGABITS_PER_SECOND("Megabits/Second", 23),
    GIGABITS_PER_SECOND("Gigabits/Second", 24),
    TERABITS_PER_SECOND("Terabits/Second", 25),
    COUNT_PER_SECOND("Count/Second", 26);

    private final String wireName;
    private final short code;

    StandardUnit(String wireName, int code) {
        this.wireName = wireName;
        this.code = (short) code;
    }

    public String wireName() {
        return wireName;
    }

    public short code() {
        return code;
    }

    public static Optional<StandardUnit> of(String wireName) {
        return Arrays.stream(values()).filter(u -> u.wireName.equals(wireName)).findFirst();
    }

    public static StandardUnit ofCode(short code) {
        return Arrays.stream(values()).filter(u -> u.code == code).findFirst().orElse(NONE);
    }
}
