package org.conductd.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.Locale;
import org.conductd.mail.EmailAddress;

/**
 * Who a line of a case's record is by: conductd itself, a party to the case by role, or a team
 * member by address. Stored, and shown in {@code case N}, as its {@link #value()}: the role's
 * word or the member's address, the words a record written by any earlier version holds too.
 */
@TypeDef(type = DataType.STRING, converter = ActorConverter.class)
public record Actor(Role role, @Nullable String address) {

    /** conductd itself: what it did on its own. */
    public static final Actor CONDUCTD = new Actor(Role.CONDUCTD, null);
    /** The reporter, never by address: an anonymous reporter's address must not reach the record. */
    public static final Actor REPORTER = new Actor(Role.REPORTER, null);
    /** The reported person. */
    public static final Actor REPORTED = new Actor(Role.REPORTED, null);

    /** The kinds of actor; every one but {@link #MEMBER} is stored as its lower-case name. */
    public enum Role { CONDUCTD, REPORTER, REPORTED, WITNESS, RESPONDER, MEMBER }

    public Actor {
        if ((role == Role.MEMBER) != (address != null)) {
            throw new IllegalArgumentException("a member actor has an address, and only a member actor");
        }
    }

    /** A team member, by roster address. */
    public static Actor member(EmailAddress email) {
        return new Actor(Role.MEMBER, email.address());
    }

    /** An author who is not on the team, by the role they have in the case. */
    public static Actor of(AuthorRole role) {
        return new Actor(Role.valueOf(role.name()), null);
    }

    /** The actor stored as {@code value}: an address is a member, a word a role. */
    public static Actor of(String value) {
        if (value.contains("@")) {
            return new Actor(Role.MEMBER, value);
        }
        Role role = Role.valueOf(value.toUpperCase(Locale.ROOT));
        if (role == Role.MEMBER || !role.name().toLowerCase(Locale.ROOT).equals(value)) {
            throw new IllegalArgumentException("no actor is stored as '" + value + "'");
        }
        return new Actor(role, null);
    }

    /** Whether this is a team member acting by address. */
    public boolean isMember() {
        return role == Role.MEMBER;
    }

    /** The word or address stored and shown for this actor. */
    public String value() {
        return isMember() ? address : role.name().toLowerCase(Locale.ROOT);
    }
}
