package cn.chenzhou.plan.chassis.web;

import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies the {@link InputRules} to every string and every date of a request body as Jackson reads it — in any
 * field, list or map of any command of any service, with no annotation to forget — by wrapping Jackson's own
 * deserializers (which still do the parsing). A refusal names the field by its JSON path, like any other malformed
 * value. Only the services' HTTP reader has this module: events and stored documents are read as they are.
 */
final class InputRulesModule extends SimpleModule {

    InputRulesModule() {
        super("platform-input-rules");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                          ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new CheckedText(deserializer, false);
                }
                if (type == LocalDate.class) {
                    return new CheckedDate(deserializer);
                }
                return deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
                return type.hasRawClass(String.class) ? new CheckedKey(deserializer) : deserializer;
            }
        });
    }

    /** A string, single-line unless its property is {@link MultiLine}. */
    static final class CheckedText extends DelegatingDeserializer {
        private final boolean multiLine;

        CheckedText(ValueDeserializer<?> delegate, boolean multiLine) {
            super(delegate);
            this.multiLine = multiLine;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedText(delegate, multiLine);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            CheckedText contextual = (CheckedText) super.createContextual(context, property);
            boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
            return multi == contextual.multiLine ? contextual : new CheckedText(contextual._delegatee, multi);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text) {
                String problem = InputRules.textProblem(text, multiLine);
                if (problem != null) {
                    throw new RefusedInputException(parser, problem, String.class);
                }
            }
            return value;
        }
    }

    /** A date within the plausible range. */
    static final class CheckedDate extends DelegatingDeserializer {
        CheckedDate(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedDate(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value instanceof LocalDate date) {
                String problem = InputRules.dateProblem(date);
                if (problem != null) {
                    throw new RefusedInputException(parser, problem, LocalDate.class);
                }
            }
            return value;
        }
    }

    /** A map's key is a single line of text too. */
    static final class CheckedKey extends KeyDeserializer {
        private final KeyDeserializer delegate;

        CheckedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            String problem = InputRules.textProblem(key, false);
            if (problem != null) {
                throw new RefusedInputException(context.getParser(), "a key " + problem, String.class);
            }
            return delegate == null ? key : delegate.deserializeKey(key, context);
        }
    }
}
