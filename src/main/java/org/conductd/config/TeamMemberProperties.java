package org.conductd.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** One entry of {@code conductd.team}, as written; {@link TeamRoster} makes it a {@link TeamMember}. */
@Introspected
@EachProperty(value = TeamRoster.KEY, list = true)
public record TeamMemberProperties(
        @Nullable @NotBlank String name,
        @Nullable @NotBlank String email,
        @Nullable List<String> aliases,
        @Bindable(defaultValue = "false") boolean lead) {

    public TeamMemberProperties {
        aliases = ConfigErrors.plainValues(aliases);
    }
}
