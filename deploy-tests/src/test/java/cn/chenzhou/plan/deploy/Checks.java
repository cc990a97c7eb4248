package cn.chenzhou.plan.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every manifest a cluster takes must satisfy. Each check returns what it found wrong, one line per finding,
 * naming the resource and the container: empty means the manifests pass.
 */
final class Checks {
    /** Custom resources of the operators the platform is deployed with; any other kind must be one the model knows. */
    static final Set<String> OPERATOR_API_GROUPS = Set.of("kafka.strimzi.io", "mongodbcommunity.mongodb.com");

    private Checks() {
    }

    /** Fields the Kubernetes model does not know, and kinds it does not know outside the operators' groups. */
    static List<String> unknownFields(Workloads workloads) {
        List<String> found = new ArrayList<>();
        for (HasMetadata resource : workloads.resources()) {
            String name = resource.getKind() + " " + resource.getMetadata().getName();
            if (resource instanceof GenericKubernetesResource) {
                String group = resource.getApiVersion().contains("/") ? resource.getApiVersion().split("/")[0] : "";
                if (!OPERATOR_API_GROUPS.contains(group)) {
                    found.add(name + ": kind " + resource.getApiVersion() + "/" + resource.getKind() + " is unknown");
                }
                continue;
            }
            KubernetesModel.unknownFields(resource).forEach(field -> found.add(name + ": unknown field " + field));
        }
        return found;
    }

    /** Every container that runs until stopped is probed for liveness and readiness, on a port it declares. */
    static List<String> probes(Workloads workloads) {
        List<String> found = new ArrayList<>();
        workloads.longRunning().forEach(pod -> pod.template().getSpec().getContainers().forEach(c -> {
            String where = pod.name() + " container " + c.getName();
            probe(where, "liveness", c.getLivenessProbe(), c, found);
            probe(where, "readiness", c.getReadinessProbe(), c, found);
            if (c.getStartupProbe() != null) {
                probe(where, "startup", c.getStartupProbe(), c, found);
            }
        }));
        return found;
    }

    private static void probe(String where, String kind, Probe probe, Container c, List<String> found) {
        if (probe == null) {
            found.add(where + ": no " + kind + " probe");
            return;
        }
        IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
                : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
        if (port == null) {
            found.add(where + ": the " + kind + " probe is neither HTTP nor TCP");
            return;
        }
        boolean declared = c.getPorts() != null && c.getPorts().stream().anyMatch(p -> port.getStrVal() != null
                ? port.getStrVal().equals(p.getName()) : port.getIntVal().equals(p.getContainerPort()));
        if (!declared) {
            found.add(where + ": the " + kind + " probe's port " + port + " is not one the container declares");
        }
    }

    /**
     * No container may run as root or gain privileges: runAsNonRoot (the pod's or its own) with no user 0, no privilege
     * escalation, not privileged, every capability dropped, and a read-only root file system.
     */
    static List<String> nonRoot(Workloads workloads) {
        List<String> found = new ArrayList<>();
        workloads.pods().forEach(pod -> {
            PodSecurityContext podContext = pod.template().getSpec().getSecurityContext();
            for (Container c : pod.containers()) {
                String where = pod.name() + " container " + c.getName();
                SecurityContext own = c.getSecurityContext();
                Boolean nonRoot = own != null && own.getRunAsNonRoot() != null ? own.getRunAsNonRoot()
                        : podContext != null ? podContext.getRunAsNonRoot() : null;
                Long user = own != null && own.getRunAsUser() != null ? own.getRunAsUser()
                        : podContext != null ? podContext.getRunAsUser() : null;
                if (!Boolean.TRUE.equals(nonRoot)) {
                    found.add(where + ": may run as root (runAsNonRoot is not true)");
                }
                if (user != null && user == 0) {
                    found.add(where + ": runs as user 0");
                }
                if (own == null) {
                    found.add(where + ": no securityContext");
                    continue;
                }
                if (!Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
                    found.add(where + ": privilege escalation is not refused");
                }
                if (Boolean.TRUE.equals(own.getPrivileged())) {
                    found.add(where + ": privileged");
                }
                if (own.getCapabilities() == null || own.getCapabilities().getDrop() == null
                        || !own.getCapabilities().getDrop().contains("ALL")) {
                    found.add(where + ": capabilities are not all dropped");
                }
                if (own.getCapabilities() != null && own.getCapabilities().getAdd() != null
                        && !own.getCapabilities().getAdd().isEmpty()) {
                    found.add(where + ": adds capabilities " + own.getCapabilities().getAdd());
                }
                if (!Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
                    found.add(where + ": the root file system is writable");
                }
            }
        });
        return found;
    }

    /** Every image names a tag (or a digest), and not "latest", which moves under a running deployment. */
    static List<String> imageTags(Workloads workloads) {
        List<String> found = new ArrayList<>();
        workloads.pods().forEach(pod -> pod.containers().forEach(c -> {
            String image = c.getImage() == null ? "" : c.getImage();
            String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
            boolean digest = image.contains("@sha256:");
            String tag = afterRegistry.contains(":") ? afterRegistry.substring(afterRegistry.indexOf(':') + 1) : "";
            if (!digest && (tag.isEmpty() || tag.equals("latest"))) {
                found.add(pod.name() + " container " + c.getName() + ": image '" + image + "' names no fixed tag");
            }
        }));
        return found;
    }

    /** Every container asks for CPU and memory and is held to a limit of both. */
    static List<String> resources(Workloads workloads) {
        List<String> found = new ArrayList<>();
        workloads.pods().forEach(pod -> pod.containers().forEach(c -> {
            ResourceRequirements r = c.getResources();
            for (String resource : List.of("cpu", "memory")) {
                if (r == null || r.getRequests() == null || !r.getRequests().containsKey(resource)) {
                    found.add(pod.name() + " container " + c.getName() + ": no " + resource + " request");
                }
                if (r == null || r.getLimits() == null || !r.getLimits().containsKey(resource)) {
                    found.add(pod.name() + " container " + c.getName() + ": no " + resource + " limit");
                }
            }
        }));
        return found;
    }

    /**
     * Service links off: Kubernetes would set {@code <SERVICE>_PORT=tcp://…} for every Service in the namespace, and
     * the platform reads variables of those names (KAFKA_PORT, MONGO_PORT, GATEWAY_PORT, …) as port numbers.
     */
    static List<String> serviceLinks(Workloads workloads) {
        return workloads.pods().filter(pod -> !Boolean.FALSE.equals(pod.template().getSpec().getEnableServiceLinks()))
                .map(pod -> pod.name() + ": enableServiceLinks is not false").toList();
    }

    static boolean declares(Container c, String portName) {
        return c.getPorts() != null && c.getPorts().stream().map(ContainerPort::getName).anyMatch(portName::equals);
    }
}
