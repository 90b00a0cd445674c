package com.gametriggers.companion.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.gametriggers.companion.store.MongoUris;
import com.gametriggers.companion.store.StoreException;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The layering DESIGN.md describes, and the write rule the whole app exists for, kept by the build. */
@AnalyzeClasses(packages = "com.gametriggers.companion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.gametriggers.companion.";

    @ArchTest
    static final ArchRule onlyTheStoreTouchesMongoDb = noClasses()
            .that().resideOutsideOfPackage(ROOT + "store..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "de.bwaldvogel..")
            .because("the store package is the one place that reads and writes MongoDB");

    @ArchTest
    static final ArchRule nothingReplacesWholeDocuments = noClasses()
            .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a whole-document write (replaceOne, findOneAndReplace, ReplaceOneModel)",
                    call -> call.getTarget().getName().equals("replaceOne")
                            || call.getTarget().getName().equals("findOneAndReplace")))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.mongodb.client.model.ReplaceOneModel")
            .because("concurrent whole-document saves lose updates and raised E11000 on browserSourceToken_1");

    @ArchTest
    static final ArchRule theDomainDependsOnNothing = noClasses()
            .that().resideInAPackage(ROOT + "domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + "domain..", "java..")
            .because("domain records are plain values without I/O");

    @ArchTest
    static final ArchRule nothingDependsOnTheApp = noClasses()
            .that().resideOutsideOfPackage(ROOT + "app..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "app..")
            .because("app is where everything is wired, at the top");

    @ArchTest
    static final ArchRule onlyTheAppDependsOnTheUi = noClasses()
            .that().resideOutsideOfPackages(ROOT + "app..", ROOT + "ui..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "ui..")
            .because("dependencies point one way: ui -> features -> store -> domain");

    @ArchTest
    static final ArchRule theStoreDependsOnlyOnTheDomain = noClasses()
            .that().resideInAPackage(ROOT + "store..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "app..", ROOT + "ui..", ROOT + "tracking..",
                    ROOT + "overlay..", ROOT + "chat..", ROOT + "twitch..", ROOT + "youtube..", ROOT + "obs..",
                    ROOT + "qr..");

    @ArchTest
    static final ArchRule obsDependsOnlyOnTheDomain = noClasses()
            .that().resideInAPackage(ROOT + "obs..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "app..", ROOT + "ui..", ROOT + "store..",
                    ROOT + "tracking..", ROOT + "overlay..", ROOT + "chat..", ROOT + "twitch..", ROOT + "youtube..", ROOT + "qr..",
                    "javafx..")
            .because("Add to OBS talks to OBS and nothing else; the UI calls it from a background thread");

    @ArchTest
    static final ArchRule javaFxStaysInTheWindowAndItsWiring = noClasses()
            .that().resideOutsideOfPackages(ROOT + "ui..", ROOT + "app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the services run the same with or without a window, headless included");

    @ArchTest
    static final ArchRule theWindowReadsTheStoreOnlyThroughTheSession = noClasses()
            .that().resideInAPackage(ROOT + "ui..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + "store..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(StoreException.class)))
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(MongoUris.class))))
            .because("the window reads domain values through AppSession and never holds the store; it shares only "
                    + "the store's sentences (its exceptions) and the address check that hides passwords");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = SlicesRuleDefinition.slices()
            .matching(ROOT + "(*)..").should().beFreeOfCycles();
}
