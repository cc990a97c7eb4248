package cn.chenzhou.plan.reporting.plan.model;

/** A label in Simplified Chinese (shown first) and English. */
public record LocalizedText(String zh, String en) {
    public String in(String language) {
        return "en".equals(language) && en != null && !en.isBlank() ? en : zh;
    }
}
