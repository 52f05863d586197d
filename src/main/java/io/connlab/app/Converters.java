package io.connlab.app;

import io.connlab.run.Quantities;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * The command line's quantity converters. They throw {@link TypeConversionException}, whose
 * message picocli shows as is (any other exception it shows as "cannot convert ... (...)").
 */
final class Converters {
    private Converters() {
    }

    /** "20"; "2.5" or "fast" is refused as not a whole number. */
    static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    /** "256", "4KB". */
    static final class Bytes implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            Integer n = Quantities.bytes(value);
            if (n == null) throw new TypeConversionException("'" + value + "' is not a size like 256 or 4KB");
            return n;
        }
    }

    /** "30s", "2m", "500ms", or seconds. */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = Quantities.duration(value);
            if (d == null) throw new TypeConversionException("'" + value + "' is not a duration like 30s or 2m");
            return d;
        }
    }
}
