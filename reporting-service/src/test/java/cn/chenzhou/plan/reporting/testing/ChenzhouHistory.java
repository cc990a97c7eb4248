package cn.chenzhou.plan.reporting.testing;

import static cn.chenzhou.plan.contracts.funding.FundingEvents.COUNTY_STATISTICS_FILED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.FUNDS_REVERSED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.FUNDS_SECURED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_ALLOCATED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_ALLOCATION_REVOKED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_BUDGET_OPENED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_BUDGET_REVISED;
import static cn.chenzhou.plan.contracts.funding.FundingEvents.SPECIAL_FUND_DISBURSED;
import static cn.chenzhou.plan.contracts.project.ProjectEvents.ACHIEVEMENT_TRANSFORMATION_RECORDED;
import static cn.chenzhou.plan.contracts.project.ProjectEvents.ACHIEVEMENT_TRANSFORMATION_WITHDRAWN;
import static cn.chenzhou.plan.contracts.project.ProjectEvents.INDUSTRY_RECOGNISED;
import static cn.chenzhou.plan.contracts.project.ProjectEvents.INDUSTRY_RECOGNITION_REVOKED;
import static cn.chenzhou.plan.contracts.project.ProjectEvents.INDUSTRY_REGISTERED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.ASSESSMENT_RECORDED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.DESIGNATION_GRANTED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.DESIGNATION_REVOKED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.ENTERPRISE_RD_INSTITUTION_CLOSED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.ENTERPRISE_RD_INSTITUTION_ESTABLISHED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.ENTERPRISE_RECLASSIFIED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.ENTERPRISE_REGISTERED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.PLATFORM_ACCREDITED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.PLATFORM_REGISTERED;
import static cn.chenzhou.plan.contracts.registry.RegistryEvents.PLATFORM_REVOKED;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.funding.CountyStatisticsFiled;
import cn.chenzhou.plan.contracts.funding.FundsReversed;
import cn.chenzhou.plan.contracts.funding.FundsSecured;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocated;
import cn.chenzhou.plan.contracts.funding.SpecialFundAllocationRevoked;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetOpened;
import cn.chenzhou.plan.contracts.funding.SpecialFundBudgetRevised;
import cn.chenzhou.plan.contracts.funding.SpecialFundDisbursed;
import cn.chenzhou.plan.contracts.project.AchievementTransformationRecorded;
import cn.chenzhou.plan.contracts.project.AchievementTransformationWithdrawn;
import cn.chenzhou.plan.contracts.project.IndustryRecognised;
import cn.chenzhou.plan.contracts.project.IndustryRecognitionRevoked;
import cn.chenzhou.plan.contracts.project.IndustryRegistered;
import cn.chenzhou.plan.contracts.registry.AssessmentRecorded;
import cn.chenzhou.plan.contracts.registry.DesignationGranted;
import cn.chenzhou.plan.contracts.registry.DesignationRevoked;
import cn.chenzhou.plan.contracts.registry.EnterpriseRdInstitutionClosed;
import cn.chenzhou.plan.contracts.registry.EnterpriseRdInstitutionEstablished;
import cn.chenzhou.plan.contracts.registry.EnterpriseReclassified;
import cn.chenzhou.plan.contracts.registry.EnterpriseRegistered;
import cn.chenzhou.plan.contracts.registry.PlatformAccredited;
import cn.chenzhou.plan.contracts.registry.PlatformRegistered;
import cn.chenzhou.plan.contracts.registry.PlatformRevoked;

/**
 * A scripted three years of the Chenzhou plan, told as the services would tell it, with every figure it leads to
 * worked out by hand in {@code ScorecardFromEventsTest}. Dates are effective dates; several facts are revoked,
 * withdrawn, reclassified, revised or backdated on purpose.
 */
public final class ChenzhouHistory {
    public static final String BEIHU = County.BEIHU.code();
    public static final String SUXIAN = County.SUXIAN.code();
    public static final String GUIYANG = County.GUIYANG.code();
    public static final String YIZHANG = County.YIZHANG.code();
    public static final String YONGXING = County.YONGXING.code();
    public static final String JIAHE = County.JIAHE.code();
    public static final String LINWU = County.LINWU.code();
    public static final String RUCHENG = County.RUCHENG.code();
    public static final String GUIDONG = County.GUIDONG.code();
    public static final String ANREN = County.ANREN.code();
    public static final String ZIXING = County.ZIXING.code();
    public static final String CITY = County.CITY_CODE;
    private static final String CODE = "91431023MA4L5EAY54";

    private final EventFeed feed;

    public ChenzhouHistory(EventFeed feed) {
        this.feed = feed;
    }

    public void tell() {
        assessments();
        designations();
        enterprises();
        platforms();
        statistics();
        achievementsAndIndustries();
        funds();
        specialFund();
    }

    private void assessments() {
        String[][] results2012 = {{BEIHU, "PASSED"}, {SUXIAN, "PASSED"}, {GUIYANG, "PASSED"}, {YIZHANG, "PASSED"},
                {YONGXING, "ADVANCED"}, {JIAHE, "PASSED"}, {LINWU, "FAILED"}, {RUCHENG, "PASSED"}, {ANREN, "PASSED"},
                {ZIXING, "ADVANCED"}};
        for (String[] r : results2012) {
            assess(r[0], 2012, r[1], "2013-03-15");
        }
        assess(LINWU, 2013, "PASSED", "2014-03-20");
        assess(BEIHU, 2013, "ADVANCED", "2014-03-20");
        assess(GUIDONG, 2013, "PASSED", "2014-03-20");
        assess(SUXIAN, 2013, "ADVANCED", "2014-03-20");
    }

    private void assess(String county, int year, String result, String on) {
        String id = "asm-" + county + "-" + year;
        feed.publish(ASSESSMENT_RECORDED, id, county, new AssessmentRecorded(id, county, year, result, "国科发〔" + year + "〕1号", on));
    }

    private void designations() {
        grant("zone-zx", ZIXING, "SUSTAINABLE_DEVELOPMENT_ZONE", "NATIONAL", "资兴国家可持续发展先进示范区", "2012-05-10");
        grant("zone-bh", BEIHU, "SUSTAINABLE_DEVELOPMENT_ZONE", "PROVINCIAL", "北湖区可持续发展实验区", "2013-09-01");
        grant("zone-sx", SUXIAN, "SUSTAINABLE_DEVELOPMENT_ZONE", "MUNICIPAL", "苏仙区可持续发展实验区", "2013-02-01");
        grant("zone-yx", YONGXING, "SUSTAINABLE_DEVELOPMENT_ZONE", "PROVINCIAL", "永兴县可持续发展实验区", "2014-04-01");
        grant("zone-gy", GUIYANG, "SUSTAINABLE_DEVELOPMENT_ZONE", "PROVINCIAL", "桂阳县可持续发展实验区", "2013-01-15");
        revoke("zone-gy", GUIYANG, "SUSTAINABLE_DEVELOPMENT_ZONE", "2014-06-30");

        grant("park-bh", BEIHU, "SCIENCE_PARK", "NATIONAL", "郴州高新技术产业园区", "2012-03-01");
        grant("park-yx", YONGXING, "SCIENCE_PARK", "NATIONAL", "永兴国家稀贵金属再生利用产业化基地", "2012-11-11");
        grant("park-zx", ZIXING, "SCIENCE_PARK", "PROVINCIAL", "资兴经济开发区科技园", "2013-10-10");
        grant("park-gy", GUIYANG, "SCIENCE_PARK", "PROVINCIAL", "桂阳工业园科技园", "2014-08-08");

        grant("demo-ar-1", ANREN, "ACHIEVEMENT_DEMONSTRATION_COUNTY", "MUNICIPAL", "安仁县", "2012-06-01");
        grant("demo-ar-2", ANREN, "ACHIEVEMENT_DEMONSTRATION_COUNTY", "PROVINCIAL", "安仁县", "2013-02-01");
        grant("demo-rc", RUCHENG, "ACHIEVEMENT_DEMONSTRATION_COUNTY", "MUNICIPAL", "汝城县", "2014-01-10");

        String[][] bases = {{JIAHE, "2012-04-01"}, {LINWU, "2012-07-01"}, {YIZHANG, "2013-03-01"}, {RUCHENG, "2013-05-01"},
                {GUIDONG, "2013-11-01"}, {ANREN, "2014-02-01"}};
        for (String[] b : bases) {
            grant("base-" + b[0], b[0], "CHARACTERISTIC_INDUSTRY_BASE", "MUNICIPAL", "特色产业基地", b[1]);
        }

        grant("hte-yx-0", YONGXING, "HIGH_TECH_ENTERPRISE", "NATIONAL", "永兴高新企业〇", "2011-11-01");
        grant("hte-yx-1", YONGXING, "HIGH_TECH_ENTERPRISE", "NATIONAL", "永兴高新企业一", "2012-05-01");
        grant("hte-yx-2", YONGXING, "HIGH_TECH_ENTERPRISE", "NATIONAL", "永兴高新企业二", "2013-03-01");
        grant("hte-yx-3", YONGXING, "HIGH_TECH_ENTERPRISE", "NATIONAL", "永兴高新企业三", "2014-06-01");
        grant("hte-bh-1", BEIHU, "HIGH_TECH_ENTERPRISE", "NATIONAL", "北湖高新企业一", "2012-08-01");
        grant("hte-bh-2", BEIHU, "HIGH_TECH_ENTERPRISE", "NATIONAL", "北湖高新企业二", "2013-01-01");
        revoke("hte-bh-2", BEIHU, "HIGH_TECH_ENTERPRISE", "2014-09-01");
        grant("hte-sx-1", SUXIAN, "HIGH_TECH_ENTERPRISE", "NATIONAL", "苏仙高新企业一", "2013-05-05");

        grant("unit-1", BEIHU, "LIGHTING_DEMONSTRATION_UNIT", "MUNICIPAL", "十城万盏示范单位一", "2012-11-20");
        grant("unit-2", BEIHU, "LIGHTING_DEMONSTRATION_UNIT", "MUNICIPAL", "十城万盏示范单位二", "2012-11-20");
        grant("unit-3", SUXIAN, "LIGHTING_DEMONSTRATION_UNIT", "MUNICIPAL", "十城万盏示范单位三", "2012-11-20");
        grant("unit-4", ZIXING, "LIGHTING_DEMONSTRATION_UNIT", "MUNICIPAL", "十城万盏示范单位四", "2014-05-20");
        grant("unit-5", YONGXING, "LIGHTING_DEMONSTRATION_UNIT", "MUNICIPAL", "十城万盏示范单位五", "2014-05-20");
        grant("unit-6", LINWU, "LIGHTING_DEMONSTRATION_UNIT", "MUNICIPAL", "十城万盏示范单位六", "2014-05-20");
        grant("lzone-bh", BEIHU, "LIGHTING_DEMONSTRATION_ZONE", "MUNICIPAL", "北湖半导体照明示范区", "2012-12-01");
        grant("lzone-zx", ZIXING, "LIGHTING_DEMONSTRATION_ZONE", "MUNICIPAL", "资兴半导体照明示范带", "2013-07-01");
        grant("lzone-yx", YONGXING, "LIGHTING_DEMONSTRATION_ZONE", "MUNICIPAL", "永兴半导体照明示范区", "2014-01-01");
    }

    private void grant(String id, String county, String kind, String level, String holder, String on) {
        feed.publish(DESIGNATION_GRANTED, id, county, new DesignationGranted(id, county, kind, level, holder, null, "湘科发-" + id, on));
    }

    private void revoke(String id, String county, String kind, String on) {
        feed.publish(DESIGNATION_REVOKED, id, county, new DesignationRevoked(id, county, kind, "复核未通过", on));
    }

    private void enterprises() {
        for (int i = 1; i <= 4; i++) {
            enterprise("ent-yx-" + i, YONGXING, true, "2012-02-01");
        }
        rd("ent-yx-1", YONGXING, "2012-09-01");
        rd("ent-yx-2", YONGXING, "2012-09-01");
        rd("ent-yx-3", YONGXING, "2013-09-01");
        rd("ent-yx-4", YONGXING, "2014-05-01");
        for (int i = 1; i <= 7; i++) {
            enterprise("ent-bh-" + i, BEIHU, true, "2012-03-01");
        }
        for (int i = 1; i <= 6; i++) {
            rd("ent-bh-" + i, BEIHU, "2012-10-01");
        }
        enterprise("ent-bh-small", BEIHU, false, "2012-03-01");
        rd("ent-bh-small", BEIHU, "2012-10-01");
        enterprise("ent-bh-grown", BEIHU, false, "2012-03-01");
        feed.publish(ENTERPRISE_RECLASSIFIED, "ent-bh-grown", BEIHU, new EnterpriseReclassified("ent-bh-grown", BEIHU, true, "2014-01-01"));
        enterprise("ent-zx-1", ZIXING, true, "2012-01-05");
        enterprise("ent-zx-2", ZIXING, true, "2012-01-05");
        rd("ent-zx-1", ZIXING, "2012-06-01");
        feed.publish(ENTERPRISE_RD_INSTITUTION_CLOSED, "ent-zx-1", ZIXING,
                new EnterpriseRdInstitutionClosed("ent-zx-1", ZIXING, "机构撤并", "2014-03-01"));
    }

    private void enterprise(String id, String county, boolean larger, String on) {
        feed.publish(ENTERPRISE_REGISTERED, id, county, new EnterpriseRegistered(id, county, "企业 " + id, CODE, larger, on));
    }

    private void rd(String id, String county, String on) {
        feed.publish(ENTERPRISE_RD_INSTITUTION_ESTABLISHED, id, county,
                new EnterpriseRdInstitutionEstablished(id, county, "研发中心", "RD_CENTRE", on));
    }

    private void platforms() {
        feed.publish(PLATFORM_REGISTERED, "plat-bh", BEIHU, new PlatformRegistered("plat-bh", BEIHU, "稀贵金属综合再生工程技术研究中心",
                "ENGINEERING_CENTRE", "MUNICIPAL", "郴州市金贵银业股份有限公司", CODE, "2012-01-10"));
        accredit("plat-bh", BEIHU, "MUNICIPAL", "2012-03-01");
        accredit("plat-bh", BEIHU, "PROVINCIAL", "2013-08-01");
        accredit("plat-yx", YONGXING, "NATIONAL", "2012-06-01");
        accredit("plat-sx", SUXIAN, "PROVINCIAL", "2012-09-01");
        feed.publish(PLATFORM_REVOKED, "plat-sx", SUXIAN, new PlatformRevoked("plat-sx", SUXIAN, "考核不合格", "2014-02-01"));
        accredit("plat-zx", ZIXING, "MUNICIPAL", "2013-01-20");
        feed.publish(PLATFORM_REGISTERED, "plat-gy", GUIYANG, new PlatformRegistered("plat-gy", GUIYANG, "桂阳申报中的平台",
                "ENGINEERING_CENTRE", "PROVINCIAL", "桂阳某企业", CODE, "2013-03-03"));
        accredit("plat-lw", LINWU, "MUNICIPAL", "2014-05-05");
        accredit("plat-jh", JIAHE, "PROVINCIAL", "2013-04-04");
    }

    private void accredit(String id, String county, String level, String on) {
        feed.publish(PLATFORM_ACCREDITED, id, county, new PlatformAccredited(id, county, "ENGINEERING_CENTRE", level,
                level.equals("MUNICIPAL") ? "郴州市科学技术局" : "湖南省科学技术厅", "认定-" + id + "-" + on, on));
    }

    private void statistics() {
        file(YONGXING, 2011, 1, 10_000_000, 100_000, 8_000_000, 700, 1000, "2012-03-01");
        file(YONGXING, 2012, 1, 11_000_000, 150_000, 8_800_000, 750, 1000, "2013-03-01");
        file(YONGXING, 2013, 1, 12_000_000, 165_000, 9_900_000, 800, 1000, "2014-03-01");
        file(BEIHU, 2012, 1, 20_000_000, 200_000, 15_000_000, 600, 1000, "2013-02-20");
        file(BEIHU, 2013, 1, 21_000_000, 280_000, 16_500_000, 720, 1000, "2014-02-20");
        file(BEIHU, 2013, 2, 21_000_000, 300_000, 16_500_000, 690, 1000, "2014-04-01");
        file(BEIHU, 2014, 1, 22_000_000, 330_000, 17_325_000, 750, 1000, "2014-12-20");
        file(ZIXING, 2012, 1, 15_000_000, 150_000, 10_000_000, 500, 1000, "2013-03-10");
        file(ZIXING, 2013, 1, 16_000_000, 160_000, 10_500_000, 550, 1000, "2014-03-10");
        file(LINWU, 2013, 1, 10_000_000, 100_000, 7_000_000, 400, 0, "2014-04-01");
    }

    private void file(String county, int year, int revision, long expenditure, long st, long revenue, long enterpriseRd,
                      long societyRd, String on) {
        String id = "stat-" + county + "-" + year;
        feed.publish(COUNTY_STATISTICS_FILED, id, county, new CountyStatisticsFiled(id, county, year, revision, expenditure, st,
                revenue, enterpriseRd, societyRd, on, revision > 1 ? "更正科技投入口径" : null));
    }

    private void achievementsAndIndustries() {
        achievement("ach-1", BEIHU, "2012-06-01");
        achievement("ach-2", YONGXING, "2012-10-01");
        achievement("ach-3", YONGXING, "2013-04-01");
        achievement("ach-4", ZIXING, "2013-09-01");
        feed.publish(ACHIEVEMENT_TRANSFORMATION_WITHDRAWN, "ach-4", ZIXING,
                new AchievementTransformationWithdrawn("ach-4", ZIXING, "未实现转化", "2014-01-15"));
        achievement("ach-5", SUXIAN, "2014-03-03");
        achievement("ach-6", GUIYANG, "2014-07-07");

        feed.publish(INDUSTRY_REGISTERED, "ind-yx", YONGXING, new IndustryRegistered("ind-yx", YONGXING, "稀贵金属再生利用", "2012-02-01"));
        recognise("ind-yx", YONGXING, "稀贵金属再生利用", "2012-12-01");
        recognise("ind-zx", ZIXING, "东江鱼", "2013-10-01");
        feed.publish(INDUSTRY_REGISTERED, "ind-bh", BEIHU, new IndustryRegistered("ind-bh", BEIHU, "半导体照明", "2013-01-01"));
        recognise("ind-lw", LINWU, "铅冶炼及铅伴生物高效提取", "2013-05-01");
        feed.publish(INDUSTRY_RECOGNITION_REVOKED, "ind-lw", LINWU, new IndustryRecognitionRevoked("ind-lw", LINWU, "复核未通过", "2014-05-01"));
        recognise("ind-gy", GUIYANG, "矿冶固体废弃物资源化", "2014-09-09");
    }

    private void achievement(String id, String county, String on) {
        feed.publish(ACHIEVEMENT_TRANSFORMATION_RECORDED, id, county, new AchievementTransformationRecorded(id, county,
                "重点科技成果 " + id, null, "转化企业 " + id, CODE, on, 1_000_000));
    }

    private void recognise(String id, String county, String name, String on) {
        feed.publish(INDUSTRY_RECOGNISED, id, county, new IndustryRecognised(id, county, name, "郴科认-" + id, on));
    }

    private void funds() {
        secure("fund-0", CITY, "PROVINCIAL", 500_000_000L, "2011-12-20");
        secure("fund-1", CITY, "NATIONAL", 3_000_000_000L, "2012-04-01");
        secure("fund-2", YONGXING, "PROVINCIAL", 1_234_567_890L, "2012-09-09");
        secure("fund-3", ZIXING, "NATIONAL", 2_000_000_000L, "2013-05-05");
        secure("fund-4", BEIHU, "PROVINCIAL", 800_000_001L, "2013-11-11");
        feed.publish(FUNDS_REVERSED, "fund-3-rev", ZIXING, new FundsReversed("fund-3-rev", "fund-3", ZIXING, 200_000_000L,
                "2013-12-01", "部分资金未到位"));
        secure("fund-5", CITY, "PROVINCIAL", 1_000_000_000L, "2014-06-06");
    }

    private void secure(String id, String county, String level, long fen, String on) {
        feed.publish(FUNDS_SECURED, id, county, new FundsSecured(id, county, level, "科技支撑县域经济发展专项", null, fen, on, "文-" + id));
    }

    private void specialFund() {
        feed.publish(SPECIAL_FUND_BUDGET_OPENED, "sf-2012", CITY, new SpecialFundBudgetOpened(2012, CITY, 200_000_000L, "2012-02-01", null));
        allocate("alloc-1", 2012, BEIHU, 80_000_000L, "2012-05-01");
        allocate("alloc-2", 2012, YONGXING, 70_000_000L, "2012-06-01");
        disburse("alloc-1", "disb-1", 2012, BEIHU, 50_000_000L, "2012-07-01");
        disburse("alloc-2", "disb-2", 2012, YONGXING, 70_000_000L, "2012-08-01");
        feed.publish(SPECIAL_FUND_ALLOCATION_REVOKED, "alloc-2", YONGXING, new SpecialFundAllocationRevoked("alloc-2", 2012,
                YONGXING, 0, 70_000_000L, "2012-12-01", "项目未按期实施"));
        feed.publish(SPECIAL_FUND_BUDGET_OPENED, "sf-2013", CITY, new SpecialFundBudgetOpened(2013, CITY, 150_000_000L, "2013-01-15", null));
        feed.publish(SPECIAL_FUND_BUDGET_REVISED, "sf-2013", CITY, new SpecialFundBudgetRevised(2013, CITY, 200_000_000L,
                "2013-08-01", "追加预算", null));
        allocate("alloc-3", 2013, ZIXING, 120_000_000L, "2013-03-01");
        disburse("alloc-3", "disb-3", 2013, ZIXING, 120_000_000L, "2013-04-01");
        feed.publish(SPECIAL_FUND_BUDGET_OPENED, "sf-2014", CITY, new SpecialFundBudgetOpened(2014, CITY, 250_000_000L, "2014-01-10", null));
        allocate("alloc-4", 2014, LINWU, 30_000_000L, "2014-02-02");
    }

    private void allocate(String id, int year, String county, long fen, String on) {
        feed.publish(SPECIAL_FUND_ALLOCATED, id, county, new SpecialFundAllocated(id, year, county, "KEY_ENTERPRISE",
                "受益企业 " + id, CODE, null, fen, "郴科财-" + id, on));
    }

    private void disburse(String allocationId, String id, int year, String county, long fen, String on) {
        feed.publish(SPECIAL_FUND_DISBURSED, allocationId, county, new SpecialFundDisbursed(id, allocationId, year, county, fen, on));
    }
}
