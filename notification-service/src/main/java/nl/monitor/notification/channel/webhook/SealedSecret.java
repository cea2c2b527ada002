package nl.monitor.notification.channel.webhook;

import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A webhook secret column: the entity holds the secret, the database its {@link SecretCipher sealed} form only.
 */
@Converter
public class SealedSecret implements AttributeConverter<String, String> {

    private volatile SecretCipher cipher;

    @Override
    public String convertToDatabaseColumn(String secret) {
        return cipher().seal(secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher().open(stored);
    }

    private SecretCipher cipher() {
        SecretCipher found = cipher;
        if (found == null) {
            // Hibernate creates converters itself; the key lives in a bean.
            found = Arc.container().instance(SecretCipher.class).get();
            cipher = found;
        }
        return found;
    }
}
