package nl.monitor.survey.campaign;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as the registry keeps it: {@code local@domain.tld}, at most 254 characters, in lower case (so one
 * address is one contact however it was typed). Display names, comments, quoted local parts and IP-literal domains
 * are refused: an invitation goes to a plain mailbox.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    private static final Pattern PLAIN = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    public EmailAddress {
        if (!plain(value)) {
            throw new IllegalArgumentException("Not a plain e-mail address in lower case: " + value);
        }
    }

    /** The address in lower case, or empty when it is not a plain e-mail address. */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip().toLowerCase(Locale.ROOT);
        return plain(address) ? Optional.of(new EmailAddress(address)) : Optional.empty();
    }

    private static boolean plain(String address) {
        return address != null && address.length() <= MAX_LENGTH && PLAIN.matcher(address).matches();
    }
}
