package io.hingekit.config;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A word of the config (and of the CLI and manifests) with one canonical spelling, implemented by the enums of
 * this package. Older spellings of released configs stay accepted as aliases.
 */
public interface ConfigWord {

    /** Returns the canonical spelling, as written back into {@code config.yaml} and manifests. */
    @JsonValue
    String word();

    /** Returns the older spellings still accepted (none by default). */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * Parses a word into its enum constant, matching the canonical spelling or an alias, ignoring case.
     *
     * @param type the enum
     * @param text the spelling found
     * @param <E> the enum type
     * @return the constant
     * @throws IllegalArgumentException listing the allowed words
     */
    static <E extends Enum<E> & ConfigWord> E parse(Class<E> type, String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equals(wanted) || constant.aliases().stream()
                    .anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(wanted))) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed(type) + ", got '" + text + "'");
    }

    /** Returns the canonical words of an enum, comma-separated. */
    static <E extends Enum<E> & ConfigWord> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigWord::word).collect(Collectors.joining(", "));
    }

    /**
     * Returns a Jackson module that reads every {@code ConfigWord} enum through {@link #parse}, so that aliases are
     * accepted and a bad word gets the list of allowed ones.
     *
     * @return the module
     */
    static Module jacksonModule() {
        return new SimpleModule("config-words").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> raw = type.getRawClass();
                return ConfigWord.class.isAssignableFrom(raw) ? new WordDeserializer(raw) : deserializer;
            }
        });
    }

    /** Reads one enum's words. */
    final class WordDeserializer<E extends Enum<E> & ConfigWord> extends StdScalarDeserializer<E> {
        private static final long serialVersionUID = 1L;
        private final Class<E> type;

        WordDeserializer(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parse(type, parser.getValueAsString());
        }
    }
}
