package com.gametriggers.companion.autostart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Each system's entry, read back from the files written under a temporary home, or from the commands built. */
class StartWithComputerTest {

    private static final Path LINUX_LAUNCHER = Path.of("/opt/gametriggers-companion/bin/GameTriggers Companion");
    private static final String WINDOWS_LAUNCHER = "C:\\Program Files\\GameTriggers Companion\\GameTriggers Companion.exe";

    @TempDir
    Path home;

    private final List<List<String>> commands = new ArrayList<>();

    private StartWithComputer on(String os, Map<String, String> environment, Optional<Path> launcher, int exitCode) {
        return StartWithComputer.of(os, home, environment, launcher, command -> {
            commands.add(command);
            return exitCode;
        });
    }

    @Test
    void onLinuxADesktopFileInTheAutostartFolderStartsTheLauncherInTheBackground() throws IOException {
        StartWithComputer start = on("Linux", Map.of(), Optional.of(LINUX_LAUNCHER), 0);
        Path file = home.resolve(".config/autostart/gametriggers-companion.desktop");

        assertThat(start.unavailable()).isEmpty();
        start.set(true);

        assertThat(Files.readAllLines(file)).contains("[Desktop Entry]", "Type=Application",
                "Exec=\"/opt/gametriggers-companion/bin/GameTriggers Companion\" --background", "Terminal=false");
        start.set(true);
        try (var written = Files.list(file.getParent())) {
            assertThat(written.toList()).as("replaced, no temporary file left").containsExactly(file);
        }

        start.set(false);
        assertThat(file).doesNotExist();
        start.set(false);
        assertThat(commands).isEmpty();
    }

    @Test
    void onLinuxXdgConfigHomeIsRespected() throws IOException {
        Path config = home.resolve("elsewhere");
        on("Linux", Map.of("XDG_CONFIG_HOME", config.toString()), Optional.of(LINUX_LAUNCHER), 0).set(true);

        assertThat(config.resolve("autostart/gametriggers-companion.desktop")).exists();
        assertThat(home.resolve(".config")).doesNotExist();

        on("Linux", Map.of("XDG_CONFIG_HOME", "relative/is/ignored"), Optional.of(LINUX_LAUNCHER), 0).set(true);
        assertThat(home.resolve(".config/autostart/gametriggers-companion.desktop")).exists();
    }

    @Test
    void theExecLineQuotesAndEscapesAsTheDesktopEntrySpecificationSays() {
        assertThat(XdgAutostart.execArgument("/home/ana/GT $5 \"a\\b\" 100%/bin/gt"))
                .isEqualTo("\"/home/ana/GT \\\\$5 \\\\\"a\\\\\\\\b\\\\\" 100%%/bin/gt\"");
        assertThatThrownBy(() -> XdgAutostart.execArgument("/opt/a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDevelopmentRunHasNoLauncherAndSaysItWorksOnlyInTheInstalledApp() throws IOException {
        StartWithComputer start = on("Linux", Map.of(), Optional.empty(), 0);

        assertThat(start.unavailable()).contains("Only in the installed app.");
        assertThatThrownBy(() -> start.set(true)).isInstanceOf(IllegalStateException.class);
        start.set(false);
        assertThat(home.resolve(".config")).doesNotExist();
    }

    @Test
    void anUnknownSystemSaysSo() throws IOException {
        StartWithComputer start = on("Plan 9", Map.of(), Optional.of(LINUX_LAUNCHER), 0);

        assertThat(start.unavailable()).contains("Not available on this system.");
        start.set(false);
    }

    @Test
    void onMacOsALaunchAgentRunsTheLauncherAtLogin() throws Exception {
        Path launcher = Path.of("/Applications/Games & Streams/GameTriggers Companion.app/Contents/MacOS/GameTriggers Companion");
        StartWithComputer start = on("Mac OS X", Map.of(), Optional.of(launcher), 0);
        Path file = home.resolve("Library/LaunchAgents/com.gametriggers.companion.plist");

        start.set(true);

        Document plist = parse(Files.readString(file));
        NodeList keys = plist.getElementsByTagName("key");
        assertThat(keys.item(0).getTextContent()).isEqualTo("Label");
        assertThat(plist.getElementsByTagName("string").item(0).getTextContent()).isEqualTo("com.gametriggers.companion");
        assertThat(keys.item(1).getTextContent()).isEqualTo("ProgramArguments");
        NodeList arguments = ((Element) plist.getElementsByTagName("array").item(0))
                .getElementsByTagName("string");
        assertThat(arguments.getLength()).isEqualTo(2);
        assertThat(arguments.item(0).getTextContent()).isEqualTo(launcher.toString());
        assertThat(arguments.item(1).getTextContent()).isEqualTo("--background");
        assertThat(keys.item(2).getTextContent()).isEqualTo("RunAtLoad");
        assertThat(plist.getElementsByTagName("true").getLength()).isEqualTo(1);

        start.set(false);
        assertThat(file).doesNotExist();
    }

    @Test
    void onWindowsTheRunKeyValueIsAddedAndRemovedWithRegExe() throws IOException {
        StartWithComputer start = on("Windows 11", Map.of(), Optional.of(Path.of(WINDOWS_LAUNCHER)), 0);

        start.set(true);

        assertThat(commands).containsExactly(List.of("reg.exe", "add",
                "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "/v", "GameTriggers Companion", "/t", "REG_SZ",
                "/d", "\\\"" + WINDOWS_LAUNCHER + "\\\" --background", "/f"));
        assertThat(home).isEmptyDirectory();

        commands.clear();
        start.set(false);
        assertThat(commands).containsExactly(
                List.of("reg.exe", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "/v",
                        "GameTriggers Companion"),
                List.of("reg.exe", "delete", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "/v",
                        "GameTriggers Companion", "/f"));
    }

    @Test
    void onWindowsTheValueReachesRegExeAsOneCommandLineWithTheLauncherQuoted() {
        String argument = RunKey.addCommand(Path.of(WINDOWS_LAUNCHER)).get(8);

        // Java on Windows puts an argument with spaces in quotes; reg.exe reads it as the C runtime does.
        assertThat(cRuntimeArgument("\"" + argument + "\""))
                .isEqualTo("\"" + WINDOWS_LAUNCHER + "\" --background");
    }

    @Test
    void onWindowsRemovingNothingRunsNoDelete() throws IOException {
        on("Windows 10", Map.of(), Optional.of(Path.of(WINDOWS_LAUNCHER)), 1).set(false);

        assertThat(commands).extracting(command -> command.get(1)).containsExactly("query");
    }

    @Test
    void onWindowsARefusalIsOneSentence() {
        StartWithComputer start = on("Windows 10", Map.of(), Optional.of(Path.of(WINDOWS_LAUNCHER)), 5);

        assertThatThrownBy(() -> start.set(true)).isInstanceOf(IOException.class)
                .hasMessage("Windows did not accept the start with the computer (reg.exe ended with 5).");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Apple's DTD is named, not fetched.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** One quoted argument as the Microsoft C runtime splits a command line: {@code \"} is a quote. */
    private static String cRuntimeArgument(String commandLine) {
        StringBuilder argument = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (c == '\\' && i + 1 < commandLine.length() && commandLine.charAt(i + 1) == '"') {
                argument.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                throw new AssertionError("split into two arguments at " + i);
            } else {
                argument.append(c);
            }
        }
        return argument.toString();
    }
}
