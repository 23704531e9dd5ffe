package dev.berth.gateway.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the gateway's schema. The gateway's writes sit next to blocking Keycloak
 * admin calls on worker threads, so a reactive client would buy nothing here.
 */
@ApplicationScoped
public class Jdbc {

    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    /** @return the number of rows changed */
    public int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database update failed: " + firstWords(sql), e);
        }
    }

    public <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("database query failed: " + firstWords(sql), e);
        }
    }

    public <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
        return list(sql, binder, mapper).stream().findFirst();
    }

    private static String firstWords(String sql) {
        return sql.length() > 60 ? sql.substring(0, 60) + "…" : sql;
    }
}
