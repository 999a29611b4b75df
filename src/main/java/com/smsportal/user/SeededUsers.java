package com.smsportal.user;

import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.account.Usernames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users that a set-up seeded with a password everyone can read (the demo's users, whose password is
 * in the README): marked as seeded, so that a portal started without that set-up finds them, and
 * removed with all the user module keeps of them. Users seeded before the mark existed are
 * recognised by their name and the published password.
 */
@Service
public class SeededUsers {

  /** A seeded user: its name and, for a customer, its tenant. */
  public record Seeded(String username, Long tenantId) {}

  private final PortalUserRepository users;
  private final PasswordEncoder encoder;
  private final NamedParameterJdbcTemplate jdbc;

  SeededUsers(
      PortalUserRepository users, PasswordEncoder encoder, NamedParameterJdbcTemplate jdbc) {
    this.users = users;
    this.encoder = encoder;
    this.jdbc = jdbc;
  }

  /**
   * Marks the user as seeded: one marked before, one the set-up has just created ({@code
   * createdNow}), or one that still has the published password. Any other user of that name is not
   * the set-up's and stays unmarked (empty).
   */
  @Transactional
  public Optional<Seeded> mark(String username, boolean createdNow, String publishedPassword) {
    return users
        .findByUsername(Usernames.normalize(username))
        .filter(
            user ->
                user.isSeeded()
                    || createdNow
                    || encoder.matches(publishedPassword, user.getPasswordHash()))
        .map(
            user -> {
              user.markSeeded();
              return seeded(user);
            });
  }

  /**
   * The seeded users in this database: the marked ones, and those of these names that still have
   * the published password (seeded before the mark existed). By name.
   */
  @Transactional(readOnly = true)
  public List<Seeded> find(List<String> usernames, String publishedPassword) {
    List<PortalUser> found = new ArrayList<>(users.findBySeededTrue());
    for (PortalUser user : users.findByUsernameIn(usernames)) {
      if (!user.isSeeded() && encoder.matches(publishedPassword, user.getPasswordHash())) {
        found.add(user);
      }
    }
    return found.stream()
        .map(SeededUsers::seeded)
        .sorted((a, b) -> a.username().compareTo(b.username()))
        .toList();
  }

  /**
   * Deletes these users and every user of these tenants, with their second factors, recovery codes,
   * login counters and attempts. In the caller's transaction: all or nothing with the rest of its
   * removal.
   */
  @Transactional
  public void remove(Collection<String> usernames, Collection<Long> tenantIds) {
    Set<Long> ids = new LinkedHashSet<>();
    if (!usernames.isEmpty()) {
      users.findByUsernameIn(List.copyOf(usernames)).forEach(user -> ids.add(user.getId()));
    }
    if (!tenantIds.isEmpty()) {
      ids.addAll(
          jdbc.queryForList(
              "select id from portal_user where tenant_id in (:tenants)",
              new MapSqlParameterSource("tenants", tenantIds),
              Long.class));
    }
    if (ids.isEmpty()) {
      return;
    }
    MapSqlParameterSource byId = new MapSqlParameterSource("ids", ids);
    jdbc.update("delete from recovery_code where user_id in (:ids)", byId);
    jdbc.update("delete from user_second_factor where user_id in (:ids)", byId);
    List<String> names =
        jdbc.queryForList(
            "select username from portal_user where id in (:ids)", byId, String.class);
    MapSqlParameterSource byName = new MapSqlParameterSource("names", names);
    jdbc.update("delete from login_counter where username in (:names)", byName);
    jdbc.update("delete from login_attempt where username in (:names)", byName);
    jdbc.update("delete from portal_user where id in (:ids)", byId);
  }

  private static Seeded seeded(PortalUser user) {
    return new Seeded(user.getUsername(), user.getTenantId());
  }
}
