package cn.chenzhou.plan.chassis.outbox;

import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How the shared value types are stored: money as a whole number of fen, credit codes as their text, and
 * calendar dates as ISO strings (a {@code LocalDate} stored as a BSON date would shift with the JVM's zone).
 */
final class StoredValueConversions {
    private StoredValueConversions() {
    }

    static MongoCustomConversions conversions() {
        return new MongoCustomConversions(List.of(
                new MoneyToFen(), new FenToMoney(),
                new CreditCodeToString(), new StringToCreditCode(),
                new LocalDateToString(), new StringToLocalDate()));
    }

    @WritingConverter
    static final class MoneyToFen implements Converter<Money, Long> {
        @Override
        public Long convert(Money source) {
            return source.fen();
        }
    }

    @ReadingConverter
    static final class FenToMoney implements Converter<Long, Money> {
        @Override
        public Money convert(Long source) {
            return Money.ofFen(source);
        }
    }

    @WritingConverter
    static final class CreditCodeToString implements Converter<CreditCode, String> {
        @Override
        public String convert(CreditCode source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class StringToCreditCode implements Converter<String, CreditCode> {
        @Override
        public CreditCode convert(String source) {
            return new CreditCode(source);
        }
    }

    @WritingConverter
    static final class LocalDateToString implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToLocalDate implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }
}
