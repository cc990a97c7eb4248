package cn.chenzhou.plan.registry.model;

/** How names are compared: the same text with its surrounding and repeated white space (also full-width) dropped. */
public final class Names {
    private Names() {
    }

    public static String normalise(String name) {
        return name.replace('\u3000', ' ').strip().replaceAll("\\s+", " ");
    }
}
