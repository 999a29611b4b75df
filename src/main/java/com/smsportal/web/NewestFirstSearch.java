package com.smsportal.web;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * The rows of one entity (with {@code receivedAt} and {@code id}) that match a list page's filter,
 * newest first by keyset, as views: the search behind a {@link KeysetList}. A module states only
 * its filter's own conditions; the filter's time range, the windows below the cursor ({@link
 * NewestFirst}) and the export's pages below a row's id are the same for every such list. Not a
 * bean: the module's search service wraps it in its read-only transaction.
 *
 * @param <E> the entity
 * @param <Q> the filter, read from the page's parameters
 * @param <V> the view of a row that the page and the export show
 */
public final class NewestFirstSearch<
        E, Q extends NewestFirstSearch.Filter, V extends KeysetList.Row>
    implements KeysetList.Rows<Q, V> {

  /** A filter with a time range: {@code from} inclusive, {@code until} exclusive; each optional. */
  public interface Filter {
    Instant from();

    Instant until();
  }

  /** The filter's own conditions on the entity, besides its time range. */
  @FunctionalInterface
  public interface Conditions<E, Q> {
    List<Predicate> of(Q query, Root<E> root, CriteriaBuilder cb);
  }

  private final JpaSpecificationExecutor<E> entries;
  private final Function<Long, Optional<E>> byId;
  private final Conditions<E, Q> conditions;
  private final Function<E, V> view;
  private final BooleanSupplier oneTenant;

  /**
   * @param entries the entity's repository
   * @param byId its {@code findById}, for the export's cursor
   * @param conditions the filter's own conditions
   * @param view a row as the page shows it
   * @param oneTenant whether the rows are of one tenant now (an entity with {@code tenantId}, not a
   *     staff member seeing every tenant's): then read in {@link NewestFirst#ONE_TENANT_ORDER}
   */
  public NewestFirstSearch(
      JpaSpecificationExecutor<E> entries,
      Function<Long, Optional<E>> byId,
      Conditions<E, Q> conditions,
      Function<E, V> view,
      BooleanSupplier oneTenant) {
    this.entries = entries;
    this.byId = byId;
    this.conditions = conditions;
    this.view = view;
    this.oneTenant = oneTenant;
  }

  @Override
  public List<V> page(Q query, PageCursor before, int limit) {
    return NewestFirst.page(
            entries,
            (below, atOrAfter) -> matching(query, below, atOrAfter),
            oneTenant.getAsBoolean() ? NewestFirst.ONE_TENANT_ORDER : NewestFirst.ORDER,
            before,
            query.from(),
            query.until(),
            limit)
        .stream()
        .map(view)
        .toList();
  }

  @Override
  public List<V> pageBelowId(Q query, Long beforeId, int limit) {
    return NewestFirst.belowId(
        beforeId,
        id -> byId.apply(id).map(view).map(KeysetList.Row::cursor),
        cursor -> page(query, cursor, limit));
  }

  /** The filter's own conditions and the slice's time bounds. */
  private Specification<E> matching(Q query, PageCursor before, Instant atOrAfter) {
    return (root, cq, cb) -> {
      List<Predicate> where = new ArrayList<>(conditions.of(query, root, cb));
      where.addAll(NewestFirst.bounds(root, cb, query.from(), query.until(), atOrAfter, before));
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
