package cn.chenzhou.plan.registry.demo;

import cn.chenzhou.plan.registry.alliance.AllianceStore;
import cn.chenzhou.plan.registry.alliance.model.Alliance;
import cn.chenzhou.plan.registry.designation.DesignationStore;
import cn.chenzhou.plan.registry.designation.model.Designation;
import cn.chenzhou.plan.registry.designation.model.DesignationKind;
import cn.chenzhou.plan.registry.designation.model.Grant;
import cn.chenzhou.plan.registry.model.Level;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.persistence.DuplicateRegistrationException;
import cn.chenzhou.plan.registry.web.Today;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional demo dataset ({@code demo/registry-demo-dataset.json}): the national bases and zone, the park, the five
 * alliances and the four provincial IP pilot counties the source document names, with invented, clearly marked
 * details. Recorded exactly as the plan office would record them — through the domain, with their events — and
 * idempotently: each item has a fixed id and its natural key, so loading twice adds nothing the second time.
 */
@Component
class DemoDataset {
    static final String RESOURCE = "demo/registry-demo-dataset.json";

    private final DesignationStore designations;
    private final AllianceStore alliances;
    private final Today today;
    private final Content content;

    DemoDataset(DesignationStore designations, AllianceStore alliances, Today today, JsonMapper json) {
        this.designations = designations;
        this.alliances = alliances;
        this.today = today;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.content = json.readValue(in, Content.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    record Content(String note, List<DemoDesignation> designations, List<DemoAlliance> alliances) {
    }

    record DemoOrganisation(String name, String creditCode, String county) {
        Organisation toOrganisation() {
            return Organisation.of(name, creditCode);
        }
    }

    record DemoDesignation(String id, String county, DesignationKind kind, Level level, DemoOrganisation holder,
                           LocalDate appliedOn, String documentNo, LocalDate grantedOn) {
    }

    record DemoAlliance(String id, String county, String name, String field, LocalDate formedOn,
                        List<DemoOrganisation> members) {
    }

    /** What a load did with each item of the dataset. */
    record Item(String id, String resource, String name, boolean loaded) {
    }

    record Report(String note, int loaded, int alreadyPresent, List<Item> items) {
    }

    Report load(String actor) {
        LocalDate now = today.date();
        List<Item> items = new ArrayList<>();
        for (DemoDesignation d : content.designations()) {
            Designation designation = Designation.apply(d.id(), d.county(), d.kind(), d.level(),
                    d.holder().toOrganisation(), d.appliedOn(), now).grant(new Grant(d.documentNo(), d.grantedOn()), now);
            items.add(new Item(d.id(), "designation", d.holder().name(), stored(() -> designations.insert(designation, actor))));
        }
        for (DemoAlliance a : content.alliances()) {
            Alliance alliance = Alliance.form(a.id(), a.county(), a.name(), a.field(), a.formedOn(),
                    a.members().stream().map(m -> new Alliance.FoundingMember(m.toOrganisation(), m.county())).toList(), now);
            items.add(new Item(a.id(), "alliance", a.name(), stored(() -> alliances.insert(alliance, actor))));
        }
        int loaded = (int) items.stream().filter(Item::loaded).count();
        return new Report(content.note(), loaded, items.size() - loaded, items);
    }

    /** @return false if the item was there already (loaded before, or registered by hand under the same key) */
    private static boolean stored(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (DuplicateRegistrationException e) {
            return false;
        }
    }
}
