package cn.chenzhou.plan.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The eleven county-level divisions (县市区) of Chenzhou, identified by their GB/T 2260 codes.
 * Reference data, never free text: anything that names a county names one of these codes.
 */
public enum County {
    BEIHU("431002", "北湖区", "Beihu District"),
    SUXIAN("431003", "苏仙区", "Suxian District"),
    GUIYANG("431021", "桂阳县", "Guiyang County"),
    YIZHANG("431022", "宜章县", "Yizhang County"),
    YONGXING("431023", "永兴县", "Yongxing County"),
    JIAHE("431024", "嘉禾县", "Jiahe County"),
    LINWU("431025", "临武县", "Linwu County"),
    RUCHENG("431026", "汝城县", "Rucheng County"),
    GUIDONG("431027", "桂东县", "Guidong County"),
    ANREN("431028", "安仁县", "Anren County"),
    ZIXING("431081", "资兴市", "Zixing City");

    /** The city itself (郴州市); not a county, but the scope of city-wide facts. */
    public static final String CITY_CODE = "431000";
    public static final String CITY_NAME = "郴州市";

    private final String code;
    private final String chineseName;
    private final String englishName;

    County(String code, String chineseName, String englishName) {
        this.code = code;
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    private static final java.util.Map<String, County> BY_CODE = Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(County::code, c -> c));

    public static Optional<County> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }

    public static County ofCode(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("not a Chenzhou county code: " + code));
    }

    public static boolean isCountyCode(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** A county's code or the city's ({@link #CITY_CODE}): whom a fact of the plan may belong to. */
    public static boolean isCountyOrCityCode(String code) {
        return isCountyCode(code) || CITY_CODE.equals(code);
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(County::code).toList();
    }
}
