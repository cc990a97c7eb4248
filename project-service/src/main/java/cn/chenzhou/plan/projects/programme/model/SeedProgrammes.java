package cn.chenzhou.plan.projects.programme.model;

import java.util.List;

/**
 * The programmes the source document (郴科发〔2012〕29号) names, loaded on first start. Their codes are stable: projects
 * and events refer to them. Seeding never overwrites a programme that is already there.
 */
public final class SeedProgrammes {
    public static final List<Programme> ALL = List.of(
            new Programme("COUNTY_ECONOMY", "科技支撑县域经济发展专项",
                    "S&T Support for County Economic Development", Level.PROVINCIAL),
            new Programme("SME_CULTIVATION", "科技创新型中小微企业培育",
                    "Cultivation of Innovative Small, Medium and Micro Enterprises", Level.MUNICIPAL),
            new Programme("RICH_COUNTY", "科技富民强县",
                    "S&T for Prosperous People and Strong Counties (Rich-County Programme)", Level.NATIONAL),
            new Programme("SPARK", "星火计划", "Spark Programme", Level.NATIONAL),
            new Programme("AGRI_TRANSFORMATION", "农业科技成果转化资金",
                    "Agricultural S&T Achievement Transformation Fund", Level.NATIONAL),
            new Programme("SME_INNOVATION_FUND", "中小企业科技创新基金",
                    "Innovation Fund for Technology-based SMEs", Level.NATIONAL),
            new Programme("SOLID_STATE_LIGHTING", "十城万盏 半导体照明应用示范",
                    "Ten Cities, Ten Thousand Lamps: Semiconductor Lighting Demonstration", Level.NATIONAL),
            new Programme("KEY_ACHIEVEMENT_TRANSFORMATION", "重点科技成果转化",
                    "Transformation of Key S&T Achievements", Level.MUNICIPAL),
            new Programme("LIVELIHOOD", "民生科技", "S&T for People's Livelihood", Level.MUNICIPAL),
            new Programme("ACTION_PLAN_SPECIAL", "郴州市三年行动计划专项",
                    "Chenzhou Three-Year Action Plan Special Programme", Level.MUNICIPAL));

    private SeedProgrammes() {
    }
}
