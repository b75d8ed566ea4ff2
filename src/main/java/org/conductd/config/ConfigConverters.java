package org.conductd.config;

import io.micronaut.core.convert.MutableConversionService;
import io.micronaut.core.convert.TypeConverter;
import io.micronaut.core.convert.TypeConverterRegistrar;

/**
 * Teaches Micronaut's conversion service the value types of the configuration it does not
 * know; listed in META-INF/services, which is how Micronaut finds a registrar.
 */
public final class ConfigConverters implements TypeConverterRegistrar {

    @Override
    public void register(MutableConversionService conversionService) {
        conversionService.addConverter(CharSequence.class, ByteSize.class,
                (TypeConverter<CharSequence, ByteSize>) (text, type, context) -> ByteSize.parse(text));
        // A YAML number (max-message-size: 26214400) arrives as a number, not as text.
        conversionService.addConverter(Number.class, ByteSize.class, n -> new ByteSize(n.longValue()));
    }
}
