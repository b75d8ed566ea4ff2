package org.conductd.config;

import java.util.ArrayList;
import java.util.List;
import org.conductd.mail.EmailAddress;

/** A responder on the roster; {@code email} is the roster address all case mail goes to. */
public record TeamMember(String name, EmailAddress email, List<EmailAddress> aliases, boolean lead) {

    public TeamMember {
        aliases = List.copyOf(aliases);
    }

    /** The roster address and every alias. */
    public List<EmailAddress> allAddresses() {
        List<EmailAddress> all = new ArrayList<>();
        all.add(email);
        all.addAll(aliases);
        return all;
    }

    public boolean owns(EmailAddress address) {
        return address != null && allAddresses().stream().anyMatch(a -> a.sameAddress(address));
    }

    public String firstName() {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
