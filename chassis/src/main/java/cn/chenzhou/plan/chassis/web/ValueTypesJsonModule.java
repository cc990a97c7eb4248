package cn.chenzhou.plan.chassis.web;

import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The shared value types in the API. A credit code is written as its text.
 * Money: read from a JSON number or a decimal string in yuan (at most two decimals, bounded),
 * written as a yuan string with two decimals ({@code "2000000.00"}) so no client turns it into a float.
 */
public final class ValueTypesJsonModule extends SimpleModule {

    public ValueTypesJsonModule() {
        super("platform-value-types");
        addSerializer(CreditCode.class, new ValueSerializer<>() {
            @Override
            public void serialize(CreditCode value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.value());
            }
        });
        addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toYuanString());
            }
        });
        addDeserializer(Money.class, new ValueDeserializer<>() {
            @Override
            public Money deserialize(JsonParser p, DeserializationContext ctxt) {
                JsonToken token = p.currentToken();
                try {
                    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                        BigDecimal yuan = p.getDecimalValue();
                        if (yuan.abs().compareTo(BigDecimal.valueOf(Money.MAX_FEN / 100)) > 0) {
                            throw new IllegalArgumentException("amount out of range");
                        }
                        return Money.ofYuan(yuan);
                    }
                    if (token == JsonToken.VALUE_STRING) {
                        return Money.parseYuan(p.getString().trim());
                    }
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw InvalidFormatException.from(p, e.getMessage() + " (yuan, at most two decimals, at most "
                            + Money.ofFen(Money.MAX_FEN).toYuanString() + ")", p.getString(), Money.class);
                }
                throw InvalidFormatException.from(p, "must be an amount in yuan, as a number or a decimal string",
                        p.getString(), Money.class);
            }
        });
    }
}
