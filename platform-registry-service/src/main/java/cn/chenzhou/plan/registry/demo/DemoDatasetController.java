package cn.chenzhou.plan.registry.demo;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry/demo-dataset")
@Tag(name = "demo dataset", description = "The optional demo dataset of the reference data the source document names")
class DemoDatasetController {
    private final DemoDataset dataset;

    DemoDatasetController(DemoDataset dataset) {
        this.dataset = dataset;
    }

    @PostMapping
    @Operation(operationId = "loadDemoDataset", summary = "Load the demo dataset (plan office); idempotent: what is there already is left as it is")
    @Allowed(Role.ADMIN)
    DemoDataset.Report load(Actor actor) {
        return dataset.load(actor.name());
    }
}
