package dev.settle.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of Settle's library code, enforced: no package cycle; the HTTP layer
 * ({@code internal}) never reaches back into the client's root package; the SPI, the model and
 * the exceptions depend on nothing above them; providers use only the public packages; and no
 * public signature mentions an internal type.
 */
class ArchitectureIT {
  private static final JavaClasses SETTLE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.settle")
      .that(DescribedPredicate.describe("library code",
          (JavaClass c) -> !c.getPackageName().startsWith("dev.settle.examples")
              && !c.getPackageName().startsWith("dev.settle.benchmarks")));

  private static final String ROOT = "dev.settle";
  private static final String[] PUBLIC_BELOW_ROOT = {"dev.settle.model", "dev.settle.exception", "dev.settle.spi"};
  private static final String[] PROVIDERS = {"dev.settle.card..", "dev.settle.paypal..", "dev.settle.banktransfer.."};

  @Test
  void noPackageDependsOnAPackageThatDependsOnIt() {
    SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        return SliceIdentifier.of(javaClass.getPackageName());
      }

      @Override
      public String getDescription() {
        return "each package of Settle";
      }
    }).should().beFreeOfCycles().check(SETTLE);
  }

  @Test
  void theHttpLayerNeverReachesBackIntoTheClient() {
    noClasses().that().resideInAPackage("dev.settle.internal..")
        .should().dependOnClassesThat().resideInAPackage(ROOT)
        .check(SETTLE);
  }

  @Test
  void theSpiDependsOnlyOnTheModelAndTheExceptions() {
    noClasses().that().resideInAPackage("dev.settle.spi..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT, "dev.settle.internal..", "dev.settle.webhooks..")
        .check(SETTLE);
  }

  @Test
  void theModelAndTheExceptionsDependOnNothingAboveThem() {
    noClasses().that().resideInAnyPackage("dev.settle.model..", "dev.settle.exception..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(ROOT, "dev.settle.internal..", "dev.settle.spi..", "dev.settle.webhooks..")
        .check(SETTLE);
  }

  @Test
  void providersUseOnlyThePublicPackages() {
    classes().that().resideInAnyPackage(PROVIDERS)
        .should().onlyDependOnClassesThat().resideInAnyPackage(Stream.of(
            Stream.of(ROOT), Stream.of(PUBLIC_BELOW_ROOT), Stream.of(PROVIDERS),
            Stream.of("java..", "javax..", "com.squareup.moshi..", "retrofit2..", "org.jspecify..",
                "org.immutables..", "com.google.zxing..")).flatMap(s -> s).toArray(String[]::new))
        .check(SETTLE);
  }

  @Test
  void noPublicSignatureMentionsAnInternalType() {
    classes().that().arePublic().and().resideOutsideOfPackage("dev.settle.internal..")
        .should(new ArchCondition<>("not mention dev.settle.internal in a public or protected signature") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            Stream.concat(Stream.of(type.getRawSuperclass().orElse(null)), type.getRawInterfaces().stream())
                .filter(t -> t != null && isInternal(t))
                .forEach(t -> events.add(SimpleConditionEvent.violated(type, type.getName() + " extends " + t.getName())));
            for (JavaCodeUnit member : type.getCodeUnits()) {
              if (!exposed(member.getModifiers())) {
                continue;
              }
              Stream.concat(Stream.of(member.getRawReturnType()), member.getRawParameterTypes().stream())
                  .filter(ArchitectureIT::isInternal)
                  .forEach(t -> events.add(SimpleConditionEvent.violated(member, member.getFullName() + " mentions " + t.getName())));
            }
            for (JavaField field : type.getFields()) {
              if (exposed(field.getModifiers()) && isInternal(field.getRawType())) {
                events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is " + field.getRawType().getName()));
              }
            }
          }
        })
        .check(SETTLE);
  }

  private static boolean exposed(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static boolean isInternal(JavaClass type) {
    return type.getPackageName().startsWith("dev.settle.internal");
  }
}
