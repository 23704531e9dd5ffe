package dev.berth.common.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reading a reactive client's result (plain or Mutiny): its first row, or all rows, each mapped. */
public final class Rows {

    private Rows() {
    }

    public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        for (Row row : rows) {
            return Optional.of(mapper.apply(row));
        }
        return Optional.empty();
    }

    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>(rows.size());
        for (Row row : rows) {
            mapped.add(mapper.apply(row));
        }
        return mapped;
    }

    public static <T> Optional<T> first(io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows,
                                        Function<io.vertx.mutiny.sqlclient.Row, T> mapper) {
        for (io.vertx.mutiny.sqlclient.Row row : rows) {
            return Optional.of(mapper.apply(row));
        }
        return Optional.empty();
    }

    public static <T> List<T> all(io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows,
                                  Function<io.vertx.mutiny.sqlclient.Row, T> mapper) {
        List<T> mapped = new ArrayList<>(rows.size());
        for (io.vertx.mutiny.sqlclient.Row row : rows) {
            mapped.add(mapper.apply(row));
        }
        return mapped;
    }
}
