package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import dev.rapport.reminders.domain.UserSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

@ApplicationScoped
public class SettingsRepository {

    @Inject
    WorkspaceSql sql;

    public Optional<UserSettings> of(String user) {
        return sql.query("""
                        select time_zone, birthday_lead_days, version from user_setting
                         where workspace_id = :workspace and user_id = :user""")
                .set("user", user).<Object[]>first()
                .map(row -> new UserSettings(ZoneId.of((String) row[0]), ((Number) row[1]).intValue(),
                        ((Number) row[2]).longValue()));
    }

    /** @return the version now held */
    public long save(String user, ZoneId zone, int birthdayLeadDays, Instant at) {
        Object version = sql.query("""
                        insert into user_setting as s (workspace_id, user_id, time_zone, birthday_lead_days, updated_at, version)
                        values (:workspace, :user, :zone, :lead, :at, 1)
                        on conflict (workspace_id, user_id) do update
                           set time_zone = excluded.time_zone, birthday_lead_days = excluded.birthday_lead_days,
                               updated_at = excluded.updated_at, version = s.version + 1
                        returning version""")
                .set("user", user).set("zone", zone.getId()).set("lead", birthdayLeadDays)
                .set("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).single();
        return ((Number) version).longValue();
    }
}
