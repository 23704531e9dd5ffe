package dev.berth.gateway.hosts;

import dev.berth.gateway.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registration tokens in the gateway's schema. Every query is scoped by tenant. */
@ApplicationScoped
public class RegistrationTokenRepository {

    /** The tenant and cluster a redeemed token was for. */
    public record Redeemed(String tenant, String cluster) {
    }

    @Inject
    Jdbc jdbc;

    public void insert(UUID id, String tenant, String cluster, String tokenHash, Instant expiresAt, int maxUses,
                       String createdBy) {
        jdbc.update("INSERT INTO registration_token (id, tenant, cluster, token_hash, expires_at, max_uses, created_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, id);
            ps.setString(2, tenant);
            ps.setString(3, cluster);
            ps.setString(4, tokenHash);
            ps.setTimestamp(5, Timestamp.from(expiresAt));
            ps.setInt(6, maxUses);
            ps.setString(7, createdBy);
        });
    }

    public List<RegistrationToken> list(String tenant) {
        return jdbc.list("SELECT id, cluster, expires_at, max_uses, uses, revoked, created_by, created_at "
                        + "FROM registration_token WHERE tenant = ? ORDER BY created_at DESC",
                ps -> ps.setString(1, tenant),
                rs -> new RegistrationToken(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getInt(5), rs.getBoolean(6),
                        rs.getString(7), rs.getTimestamp(8).toInstant()));
    }

    /** @return whether a token of this tenant was revoked */
    public boolean revoke(String tenant, UUID id) {
        return jdbc.update("UPDATE registration_token SET revoked = true WHERE tenant = ? AND id = ?", ps -> {
            ps.setString(1, tenant);
            ps.setObject(2, id);
        }) == 1;
    }

    /**
     * Uses the token once if it is valid, unexpired, unrevoked and has uses left, in one
     * statement, so two hosts racing for the last use cannot both win.
     */
    public Optional<Redeemed> redeem(String tokenHash, Instant now) {
        return jdbc.one("UPDATE registration_token SET uses = uses + 1 "
                        + "WHERE token_hash = ? AND NOT revoked AND expires_at > ? AND uses < max_uses "
                        + "RETURNING tenant, cluster",
                ps -> {
                    ps.setString(1, tokenHash);
                    ps.setTimestamp(2, Timestamp.from(now));
                },
                rs -> new Redeemed(rs.getString(1), rs.getString(2)));
    }

    /** Undoes one {@link #redeem} whose registration failed afterwards. */
    public void giveBack(String tokenHash) {
        jdbc.update("UPDATE registration_token SET uses = uses - 1 WHERE token_hash = ? AND uses > 0",
                ps -> ps.setString(1, tokenHash));
    }
}
