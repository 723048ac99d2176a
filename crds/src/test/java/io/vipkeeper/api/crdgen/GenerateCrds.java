package io.vipkeeper.api.crdgen;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerationInfo;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDInfo;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Build step (run by exec-maven-plugin in {@code process-test-classes}): generates the CRDs of the API classes with
 * fabric8's crd-generator (the library behind crd-generator-maven-plugin) into {@code target/classes/META-INF/fabric8}.
 *
 * <p>Why not the Maven plugin itself: fabric8 7.5.2 sorts printer columns by JSON path, which would print AGE first;
 * the plugin has no post-processor hook, the library does. Here the columns keep the order in which the
 * {@link AdditionalPrinterColumn} annotations are declared on the class ({@code kubectl get vip}: ADDRESSES, VRID,
 * MASTER, PHASE, AGE).
 *
 * <p>Arguments: the output directory; then {@code true} to also copy the generated files over the committed ones in
 * the directory given as third argument (what {@code -Dvipkeeper.crds.update=true} does).
 */
public final class GenerateCrds {

    static final List<Class<? extends HasMetadata>> RESOURCES = List.of(VirtualIP.class, VirtualIPPool.class,
            VirtualIPNode.class);

    private GenerateCrds() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        boolean update = args.length > 2 && Boolean.parseBoolean(args[1].trim());
        Files.createDirectories(out);
        CRDGenerationInfo info = new CRDGenerator()
                .inOutputDir(out.toFile())
                .forCRDVersions("v1")
                .withPostProcessor(new CRDPostProcessor() {
                    @Override
                    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
                        return orderPrinterColumnsAsDeclared(crd);
                    }
                })
                .customResourceClasses(RESOURCES)
                .detailedGenerate();
        for (Map<String, CRDInfo> byVersion : info.getCRDDetailsPerNameAndVersion().values()) {
            for (CRDInfo detail : byVersion.values()) {
                Path generated = Path.of(detail.getFilePath());
                System.out.println("[vipkeeper] generated " + generated);
                if (update) {
                    Path committed = Path.of(args[2]).resolve(generated.getFileName());
                    Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
                    System.out.println("[vipkeeper] updated " + committed);
                }
            }
        }
    }

    /** Puts the printer columns in the order of the class's {@link AdditionalPrinterColumn} annotations. */
    static HasMetadata orderPrinterColumnsAsDeclared(HasMetadata resource) {
        if (!(resource instanceof CustomResourceDefinition crd)) {
            return resource;
        }
        List<String> declared = new ArrayList<>();
        for (Class<? extends HasMetadata> type : RESOURCES) {
            if (HasMetadata.getFullResourceName(type).equals(crd.getMetadata().getName())) {
                for (AdditionalPrinterColumn column : type.getAnnotationsByType(AdditionalPrinterColumn.class)) {
                    declared.add(column.jsonPath());
                }
            }
        }
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            List<CustomResourceColumnDefinition> columns = new ArrayList<>(version.getAdditionalPrinterColumns());
            columns.sort(Comparator.comparingInt(c -> {
                int i = declared.indexOf(c.getJsonPath());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            version.setAdditionalPrinterColumns(columns);
        }
        return crd;
    }
}
