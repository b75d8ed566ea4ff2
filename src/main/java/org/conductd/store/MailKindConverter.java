package org.conductd.store;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import java.util.Arrays;
import org.conductd.mail.MailKind;

/** Stores a {@link MailKind} as its {@link MailKind#headerValue()}, the word its mail's header carries and earlier versions stored. */
@Singleton
public final class MailKindConverter implements AttributeConverter<MailKind, String> {

    @Override
    public String convertToPersistedValue(MailKind kind, ConversionContext context) {
        return kind == null ? null : kind.headerValue();
    }

    @Override
    public MailKind convertToEntityValue(String value, ConversionContext context) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(MailKind.values()).filter(k -> k.headerValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind of mail is stored as '" + value + "'"));
    }
}
