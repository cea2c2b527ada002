package nl.monitor.survey.repository;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.survey.IdempotencyKey;

@ApplicationScoped
public class IdempotencyKeyRepository implements PanacheRepositoryBase<IdempotencyKey, IdempotencyKey.Id> {

    /** Those of the keys the caller used before, by key; one query. */
    public Map<String, IdempotencyKey> ofCaller(String caller, List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return list("id.caller = ?1 and id.key in ?2", caller, keys).stream()
                .collect(Collectors.toMap(k -> k.id.key(), k -> k));
    }
}
