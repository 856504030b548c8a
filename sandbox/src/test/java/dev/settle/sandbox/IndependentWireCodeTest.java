package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox and the client check each other only if the sandbox has its own wire code: no
 * compiled sandbox class may refer to a class of Settle's core, except the exception of the null
 * rule that every Settle module follows ({@code ValidationException}, which maps nothing), and the
 * JUnit extension, which hands tests a {@code SettleClient}.
 */
class IndependentWireCodeTest {
  private static final Pattern SETTLE_CLASS = Pattern.compile("dev/settle/[A-Za-z0-9_/$]+");
  private static final String NULL_RULE = "dev/settle/exception/ValidationException";

  @Test
  void onlyTheExtensionRefersToCore() throws IOException, URISyntaxException {
    Path classes = Path.of(SettleSandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> classFiles = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      // The module descriptor names packages and modules, not classes.
      files.filter(file -> file.toString().endsWith(".class") && !file.endsWith("module-info.class"))
          .forEach(classFiles::add);
    }
    assertThat(classFiles).isNotEmpty();

    for (Path classFile : classFiles) {
      Set<String> outside = new TreeSet<>();
      // Class names sit in the constant pool as plain text, e.g. dev/settle/SettleClient.
      Matcher matcher = SETTLE_CLASS.matcher(new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1));
      while (matcher.find()) {
        if (!matcher.group().startsWith("dev/settle/sandbox/") && !matcher.group().equals(NULL_RULE)) {
          outside.add(matcher.group());
        }
      }
      boolean extension = classFile.getFileName().toString().startsWith("SettleSandboxExtension");
      if (extension) {
        assertThat(outside).as(classFile.toString()).isSubsetOf("dev/settle/SettleClient", "dev/settle/SettleClient$Builder");
      } else {
        assertThat(outside).as(classFile.toString()).isEmpty();
      }
    }
  }
}
