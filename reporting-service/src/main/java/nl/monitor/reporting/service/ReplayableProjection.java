package nl.monitor.reporting.service;

import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.reporting.MunicipalityYear;
import nl.monitor.reference.Municipality;

import java.util.List;

/**
 * A projection the rebuild runs a batch at a time ({@link BulkReplay}): the live handler's checks without writing,
 * which version of a municipality and year is the newer, and one write for the newest versions of a batch.
 *
 * @param <T> the event's data record
 */
public interface ReplayableProjection<T> extends EventHandler<T> {

    /**
     * The municipality the event is projected onto, after every check of {@link #handle}.
     *
     * @throws PoisonEventException when the event breaks the domain rules and can never be projected
     */
    Municipality place(T data);

    /** The municipality and year the event holds a version of. */
    MunicipalityYear key(T data);

    /** The order of the versions of one municipality and year, as the read model's upsert compares them. */
    VersionRank rank(T data);

    /**
     * Where the event's JSON holds what {@link #key} and {@link #rank} read: a replay ranks every record by it and
     * decodes only the versions it keeps.
     */
    VersionPeek versionPeek();

    /** Stores the newest versions a replay held, at most one per municipality and year. */
    void store(List<Newest<T>> newest);

    /**
     * The newest version of a municipality and year a replay held.
     *
     * @param versions how many versions replaced one another while held, up to this one and this one included
     */
    record Newest<T>(CloudEvent<T> event, Municipality municipality, int versions) {
    }
}
