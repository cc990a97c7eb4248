package cn.chenzhou.plan.chassis.security;

import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.CreditCode;
import java.util.Optional;

/**
 * Which county an organisation belongs to, as far as the platform lets anyone say: the county whose division its
 * unified social credit code carries (characters 3–8). A county portal that named another county's enterprise, host
 * or holder would register it in the wrong county and lock the rightful county out of it (a duplicate it cannot even
 * see); so:
 * <ul>
 *   <li>an organisation whose code was issued by one of the eleven counties is named for that county and no other,
 *       by anyone;</li>
 *   <li>an organisation whose code was issued elsewhere (by the city {@code 431000}, the province, another region) is
 *       registered for a county by the plan office, which decides the county; a county portal may not.</li>
 * </ul>
 * A refusal is a 400 naming the field; it depends on the request alone, so it tells nobody what is registered.
 */
public final class OrganisationCounty {
    private OrganisationCounty() {
    }

    /**
     * Refuses a registration naming, for {@code county}, the organisation with this credit code, unless the rules
     * above allow it to this actor. A null or malformed code is left to the field's own validation.
     */
    public static void requireRegistrable(Actor actor, String field, String county, String creditCode) {
        if (!judgeable(creditCode)) {
            return;
        }
        CreditCode code = new CreditCode(creditCode);
        Optional<County> issuedBy = code.county();
        if (issuedBy.isPresent()) {
            requireSame(field, county, issuedBy.get());
        } else if (actor.isCountyPortal()) {
            throw ApiException.invalidField(field, "was issued outside the eleven counties (division " + code.division()
                    + "): the plan office registers such an organisation for a county");
        }
    }

    /**
     * Refuses naming the organisation with this credit code as one of {@code county} (null: from outside Chenzhou) when
     * its code says it is another county's. For mentions that register nothing of their own, such as an alliance's
     * members: they may be of any county, but of the right one.
     */
    public static void requireConsistent(String field, String county, String creditCode) {
        if (judgeable(creditCode)) {
            new CreditCode(creditCode).county().ifPresent(issuedBy -> requireSame(field, county, issuedBy));
        }
    }

    private static boolean judgeable(String creditCode) {
        return creditCode != null && CreditCode.isValid(creditCode);
    }

    private static void requireSame(String field, String county, County issuedBy) {
        if (!issuedBy.code().equals(county)) {
            throw ApiException.invalidField(field, "was issued in county " + issuedBy.code() + " ("
                    + issuedBy.chineseName() + "): an organisation is named for the county of its credit code"
                    + (county == null ? "" : ", not " + county));
        }
    }
}
