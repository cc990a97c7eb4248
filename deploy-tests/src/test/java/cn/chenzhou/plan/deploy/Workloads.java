package cn.chenzhou.plan.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A rendered set of manifests, read into the Kubernetes model, with the look-ups the checks share. */
record Workloads(List<HasMetadata> resources) {

    static Workloads of(List<Manifest> manifests) {
        return new Workloads(manifests.stream().map(KubernetesModel::read).toList());
    }

    <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast);
    }

    Stream<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).filter(r -> r.getKind().equals(kind));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    /** Deployments, StatefulSets and Jobs, each as (name, pod template): whatever runs a container. */
    Stream<Pod> pods() {
        return Stream.of(
                all(Deployment.class).map(d -> new Pod(d.getKind() + " " + d.getMetadata().getName(), d, d.getSpec().getTemplate())),
                all(StatefulSet.class).map(s -> new Pod(s.getKind() + " " + s.getMetadata().getName(), s, s.getSpec().getTemplate())),
                all(Job.class).map(j -> new Pod(j.getKind() + " " + j.getMetadata().getName(), j, j.getSpec().getTemplate())))
                .flatMap(s -> s);
    }

    /** The pods that run until stopped (not a Job's, which runs to its end): probed, kept up through a node drain. */
    Stream<Pod> longRunning() {
        return pods().filter(p -> !(p.owner() instanceof Job));
    }

    record Pod(String name, HasMetadata owner, PodTemplateSpec template) {
        List<Container> containers() {
            return Stream.concat(template.getSpec().getContainers().stream(),
                    template.getSpec().getInitContainers() == null ? Stream.empty() : template.getSpec().getInitContainers().stream())
                    .toList();
        }
    }
}
