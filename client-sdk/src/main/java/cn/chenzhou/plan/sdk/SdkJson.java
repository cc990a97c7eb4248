package cn.chenzhou.plan.sdk;

import cn.chenzhou.plan.contracts.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the SDK reads and writes the platform's JSON: amounts as yuan strings with two decimals ({@code "2000000.00"},
 * never a float), dates as ISO-8601, absent optional fields left out. Answers are read tolerantly — an unknown field
 * or an enum value this SDK does not know yet is ignored — so a newer platform does not break an older SDK.
 */
public final class SdkJson {
    private SdkJson() {
    }

    /** The tolerant mapper the SDK reads the platform's answers with. */
    public static JsonMapper mapper() {
        return builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .build();
    }

    /** A strict mapper (unknown fields and enum values refused): for files a person wrote, such as a dataset. */
    public static JsonMapper strictMapper() {
        return builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .build();
    }

    private static JsonMapper.Builder builder() {
        SimpleModule money = new SimpleModule("platform-money");
        money.addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toYuanString());
            }
        });
        money.addDeserializer(Money.class, new ValueDeserializer<>() {
            @Override
            public Money deserialize(JsonParser p, DeserializationContext ctxt) {
                JsonToken token = p.currentToken();
                // what the platform answers may be a total larger than any one amount a request may state
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    BigDecimal yuan = p.getDecimalValue();
                    return Money.parseFigure(yuan.toPlainString());
                }
                if (token == JsonToken.VALUE_STRING) {
                    return Money.parseFigure(p.getString().trim());
                }
                return (Money) ctxt.handleUnexpectedToken(Money.class, p);
            }
        });
        return JsonMapper.builder()
                .addModule(money)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL));
    }
}
