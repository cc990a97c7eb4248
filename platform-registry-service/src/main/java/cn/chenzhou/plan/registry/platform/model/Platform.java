package cn.chenzhou.plan.registry.platform.model;

import cn.chenzhou.plan.registry.model.EffectiveDates;
import cn.chenzhou.plan.registry.model.Level;
import cn.chenzhou.plan.registry.model.Names;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.model.Refusal;
import cn.chenzhou.plan.registry.model.RegistrationKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A technology innovation platform (技术创新平台) of a county: an engineering technology research centre, a key
 * laboratory, an incubator, … hosted by an organisation. Registered by its county, accredited by the plan office at a
 * level (again at another level: the later accreditation supersedes), revoked for a reason. Counts toward T8a–c only
 * while accredited, at the level of its latest accreditation.
 *
 * <p>Immutable: every operation returns the platform as it is afterwards, or throws a {@link Refusal}.
 *
 * @param level           the level applied for, then the level of the latest accreditation
 * @param accreditations  every accreditation, oldest first; the last one is in force while ACCREDITED
 * @param statusSince     the effective date of the current status (registration, accreditation or revocation)
 * @param registrationKey the key under which no other platform may be registered while this one is in force
 */
public record Platform(
        String id,
        String county,
        String name,
        String type,
        Level level,
        Organisation host,
        LocalDate registeredOn,
        PlatformStatus status,
        List<Accreditation> accreditations,
        Revocation revocation,
        LocalDate statusSince,
        String registrationKey) {

    public Platform {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(status, "status");
        accreditations = accreditations == null ? List.of() : List.copyOf(accreditations);
        Objects.requireNonNull(statusSince, "statusSince");
        Objects.requireNonNull(registrationKey, "registrationKey");
    }

    /** What makes two registrations the same platform: the same host organisation, type and level. */
    public static String keyOf(Organisation host, String type, Level level) {
        return RegistrationKeys.of("platform", host.creditCode().value(), type, level);
    }

    /** A county registers (登记) a platform it hosts; registration alone does not count. */
    public static Platform register(String id, String county, String name, String type, Level level,
                                    Organisation host, LocalDate registeredOn, LocalDate today) {
        if (!host.hasCreditCode()) {
            throw Refusal.invalid("host.creditCode", "is required: a platform's host is identified by its unified social credit code");
        }
        EffectiveDates.check("registeredOn", registeredOn, today);
        return new Platform(id, county, Names.normalise(name), type, level, host, registeredOn, PlatformStatus.REGISTERED,
                List.of(), null, registeredOn, keyOf(host, type, level));
    }

    /**
     * The plan office accredits (认定) the platform at a level, from {@code accreditation.accreditedOn()}. A platform
     * already accredited may be accredited again at another level (an upgrade, or a downgrade), strictly later: the
     * new accreditation supersedes the old from its own date.
     */
    public Platform accredit(Accreditation accreditation, LocalDate today) {
        EffectiveDates.check("accreditedOn", accreditation.accreditedOn(), today);
        if (status == PlatformStatus.REVOKED) {
            throw Refusal.conflict("platform-revoked", "platform " + id + " was revoked on " + revocation.revokedOn()
                    + "; a revoked platform is not accredited again, register it anew");
        }
        EffectiveDates.notBefore("accreditedOn", accreditation.accreditedOn(), registeredOn, "the registration");
        Accreditation current = currentAccreditation();
        if (current != null) {
            if (current.level() == accreditation.level()) {
                throw Refusal.conflict("already-accredited", "platform " + id + " is already accredited at level "
                        + current.level() + " since " + current.accreditedOn());
            }
            if (!accreditation.accreditedOn().isAfter(current.accreditedOn())) {
                throw Refusal.invalid("accreditedOn", "must be after the accreditation it supersedes ("
                        + current.accreditedOn() + ")");
            }
        }
        List<Accreditation> all = new ArrayList<>(accreditations);
        all.add(accreditation);
        return new Platform(id, county, name, type, accreditation.level(), host, registeredOn, PlatformStatus.ACCREDITED,
                all, null, accreditation.accreditedOn(), keyOf(host, type, accreditation.level()));
    }

    /**
     * The plan office revokes (撤销) the platform: it stops counting from {@code revocation.revokedOn()}. Revoking a
     * registration that was never accredited closes it (the application was refused or withdrawn). Either way the
     * platform's key is given up: its host may register the same type and level anew.
     */
    public Platform revoke(Revocation revocation, LocalDate today) {
        EffectiveDates.check("revokedOn", revocation.revokedOn(), today);
        if (status == PlatformStatus.REVOKED) {
            throw Refusal.conflict("platform-revoked", "platform " + id + " was already revoked on " + this.revocation.revokedOn());
        }
        Accreditation current = currentAccreditation();
        if (current != null) {
            EffectiveDates.notBefore("revokedOn", revocation.revokedOn(), current.accreditedOn(), "the accreditation");
        } else {
            EffectiveDates.notBefore("revokedOn", revocation.revokedOn(), registeredOn, "the registration");
        }
        return new Platform(id, county, name, type, level, host, registeredOn, PlatformStatus.REVOKED,
                accreditations, revocation, revocation.revokedOn(), RegistrationKeys.retired(id));
    }

    /** The accreditation in force, or null if the platform is not accredited. */
    public Accreditation currentAccreditation() {
        return status == PlatformStatus.ACCREDITED && !accreditations.isEmpty()
                ? accreditations.get(accreditations.size() - 1) : null;
    }
}
