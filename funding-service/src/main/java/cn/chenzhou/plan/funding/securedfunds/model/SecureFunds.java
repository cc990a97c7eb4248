package cn.chenzhou.plan.funding.securedfunds.model;

import cn.chenzhou.plan.contracts.Money;
import java.time.LocalDate;

/**
 * The finance section's command to record national or provincial funds secured.
 *
 * @param county    the county the money went to, or 431000 for the city
 * @param projectId the related project, if any
 */
public record SecureFunds(String county, Level level, String programme, String projectId, Money amount,
                          LocalDate securedOn, String documentNo) {
}
