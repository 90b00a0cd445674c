import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds the app image and the native installers of the OS it runs on: deb and rpm on Linux, msi on Windows, dmg on
 * macOS. {@code ./mvnw -Pinstaller -DskipTests package} copies the runtime jars and runs it on the JDK 17 that runs
 * Maven; it uses only that JDK's tools (jdeps, jmod, jlink, jpackage), so it is the same program on every OS.
 *
 * <ol>
 *   <li>jdeps lists the JDK modules the app and its jars use; a few that are only looked up at run time are added.</li>
 *   <li>The JavaFX jars from Maven become jmods, with their native libraries as the jmods' native part, so jlink puts
 *       them into the runtime's own library folder (JavaFX then loads them from there instead of unpacking them into
 *       the user's home at the first start).</li>
 *   <li>jlink makes a runtime with only those modules, without debug data, headers, man pages or commands; its
 *       class data sharing archive holds the JDK and JavaFX classes the app loads at start
 *       (packaging/cds/gametriggers-companion.classlist), so the JVM maps them instead of reading and checking them.</li>
 *   <li>jpackage makes the app image (launcher, runtime, app jars, JVM options). The jars are stored uncompressed:
 *       the installers compress them far better that way (and the JVM reads them without inflating).</li>
 *   <li>jpackage makes each installer from that image, with the resources and options in packaging/OS/.</li>
 * </ol>
 *
 * Options: {@code --jars=DIR} (the runtime jars), {@code --app-jar=FILE}, {@code --version=V} (a Maven version;
 * "-SNAPSHOT" is dropped), {@code --out=DIR}, {@code --packaging=DIR} (default: packaging), {@code --icons=DIR} (the
 * icon set, default: icons), {@code --types=deb,rpm} (default: every type of this OS; "none" stops at the app image),
 * {@code --cds=false} (the JDK's default archive).
 */
public final class BuildInstaller {

    static final String DISPLAY_NAME = "GameTriggers Companion";
    static final String UNIX_NAME = "gametriggers-companion";
    static final String MAIN_CLASS = "com.gametriggers.companion.app.Main";
    static final String VENDOR = "GameTriggers";
    static final String DESCRIPTION = "Puts your GameTriggers sponsors on stream and counts what viewers see";
    static final String COPYRIGHT = "Copyright GameTriggers";

    /**
     * JVM options of the installed app. A heap cap far below what browser-based streaming tools take (the app holds a
     * few thousand documents and a journal), and a small start heap that grows when needed; the serial collector,
     * which needs the least memory and no collector threads on a machine that is busy encoding a stream (measured:
     * docs/BENCHMARKS.md, "Installer size"); only the quick first compiler, whose code is ample for a few events a
     * second and which keeps the JIT from spending an idle window's first minutes and tens of MB on optimising
     * (docs/BENCHMARKS.md, "The window"); class data sharing from the runtime's archive (the default, said for clarity);
     * no performance-counter file, whose sampler woke the JVM 20 times a second (about 0.2 % of one core idle in
     * the background; jcmd still reaches the app by its process id, jps and jstat no longer list it).
     */
    static final List<String> JAVA_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:-UsePerfData");

    /** Modules the app needs that jdeps cannot see in the bytecode, because they are found by name at run time. */
    static final Map<String, String> RUNTIME_MODULES = new LinkedHashMap<>();

    static {
        RUNTIME_MODULES.put("javafx.web", "the overlay preview in the window (WebView)");
        RUNTIME_MODULES.put("java.xml", "Logback reads logback.xml (Logback is found as a service, not by a reference)");
        RUNTIME_MODULES.put("jdk.crypto.ec", "TLS to Twitch and to a cloud MongoDB (elliptic-curve key exchange)");
        RUNTIME_MODULES.put("jdk.naming.dns", "mongodb+srv:// addresses (DNS SRV lookups through JNDI)");
        RUNTIME_MODULES.put("jdk.localedata", "numbers, amounts and dates in the streamer's format (java.base knows only"
                + " English); jlink keeps just the LOCALES");
    }

    /**
     * The languages whose number and date formats the runtime keeps (with all their countries): those of the streaming
     * audiences the platform serves. About 7 MB in the runtime instead of about 21 MB for every locale.
     */
    static final String LOCALES = "en,de,fr,es,it,pt,nl,pl,sv,da,nb,fi,cs,sk,hu,ro,tr,el,ru,uk,ja,ko,zh,ar,he,hi,id,th,vi";

    enum Os {
        LINUX("linux", List.of("deb", "rpm")), WINDOWS("windows", List.of("msi")), MAC("macos", List.of("dmg"));

        final String folder;
        final List<String> types;

        Os(String folder, List<String> types) {
            this.folder = folder;
            this.types = types;
        }

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MAC : LINUX;
        }

        String appName() {
            return this == LINUX ? UNIX_NAME : DISPLAY_NAME;
        }

        String icon() {
            return switch (this) {
                case LINUX -> "gametriggers-companion.png";
                case WINDOWS -> "gametriggers-companion.ico";
                case MAC -> "gametriggers-companion.icns";
            };
        }
    }

    private final Os os = Os.current();
    private final Path packaging;
    private final Path icons;
    private final Path jars;
    private final Path appJar;
    private final String mavenVersion;
    private final String version;
    private final Path out;
    private final Path work;
    private final List<String> types;
    private final boolean cds;
    private final long started = System.nanoTime();

    BuildInstaller(Map<String, String> options) {
        packaging = Path.of(options.getOrDefault("packaging", "packaging")).toAbsolutePath();
        icons = Path.of(options.getOrDefault("icons", "icons")).toAbsolutePath();
        jars = Path.of(required(options, "jars")).toAbsolutePath();
        appJar = Path.of(required(options, "app-jar")).toAbsolutePath();
        mavenVersion = required(options, "version");
        version = mavenVersion.replaceFirst("-SNAPSHOT$", "");
        if (!version.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("installers need a version of one to three numbers, not " + mavenVersion);
        }
        out = Path.of(required(options, "out")).toAbsolutePath();
        work = out.resolve("work");
        String typeList = options.getOrDefault("types", "").trim();
        types = typeList.isEmpty() ? os.types
                : typeList.equals("none") ? List.of() : List.of(typeList.split("\\s*,\\s*"));
        cds = !"false".equals(options.get("cds"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            Matcher m = Pattern.compile("--([a-z-]+)=(.*)").matcher(arg);
            if (!m.matches()) {
                throw new IllegalArgumentException("options look like --name=value, not " + arg);
            }
            options.put(m.group(1), m.group(2));
        }
        try {
            new BuildInstaller(options).build();
        } catch (BuildFailure e) {
            System.err.println("installer: error: " + e.getMessage());
            System.exit(1);
        }
    }

    void build() throws IOException, InterruptedException {
        deleteTree(out);
        Files.createDirectories(work);
        log("%s %s for %s (%s), types %s", DISPLAY_NAME, version, os.folder, System.getProperty("os.arch"),
                types.isEmpty() ? "none" : String.join(", ", types));

        Jars sorted = sortJars();
        Path input = work.resolve("input");
        Files.createDirectories(input);
        storeJar(appJar, input.resolve(appJar.getFileName()));
        for (Path jar : sorted.classPath()) {
            storeJar(jar, input.resolve(jar.getFileName()));
        }

        TreeSet<String> modules = new TreeSet<>(jdeps(sorted));
        log("jdeps: %s", String.join(",", modules));
        RUNTIME_MODULES.forEach((module, why) -> {
            if (modules.add(module)) {
                log("  + %s: %s", module, why);
            }
        });

        Path fxJmods = javafxJmods(sorted.javafx());
        Path runtime = jlink(modules, fxJmods);
        Path image = appImage(input, runtime);
        List<Path> installers = new ArrayList<>();
        for (String type : types) {
            installers.add(installer(type, image));
        }
        String report = sizes(image, installers, sorted.javafx());
        Files.writeString(out.resolve("sizes.md"), report);
        System.out.print(report);
        log("done in %s", elapsed());
    }

    // ---- jars -------------------------------------------------------------------------------------------------

    record Jars(Map<String, Path> javafx, List<Path> classPath) {
    }

    /** JavaFX's platform jars are modules with native code inside; the rest of the jars stay on the class path. */
    Jars sortJars() throws IOException {
        Map<String, Path> javafx = new TreeMap<>();
        List<Path> classPath = new ArrayList<>();
        try (Stream<Path> files = Files.list(jars)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList())) {
                if (jar.getFileName().toString().startsWith("javafx-")) {
                    Optional<ModuleDescriptor> module = ModuleFinder.of(jar).findAll().stream()
                            .map(ModuleReference::descriptor).filter(d -> !d.isAutomatic()).findFirst();
                    // The jar without a platform classifier is an empty placeholder; the platform jar is the module.
                    module.ifPresent(d -> javafx.put(d.name(), jar));
                } else if (!jar.getFileName().equals(appJar.getFileName())) {
                    classPath.add(jar);
                }
            }
        }
        if (!javafx.containsKey("javafx.web")) {
            throw new BuildFailure("no javafx-web platform jar in " + jars + " (the installer profile adds it)");
        }
        return new Jars(javafx, classPath);
    }

    List<String> jdeps(Jars sorted) {
        String output = run("jdeps", "--multi-release", "17", "--ignore-missing-deps", "--print-module-deps",
                "--module-path", join(sorted.javafx().values()),
                "--class-path", join(sorted.classPath()),
                appJar.toString());
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        if (!last.matches("[a-z0-9.,]+")) {
            throw new BuildFailure("jdeps did not list modules:\n" + output);
        }
        return List.of(last.split(","));
    }

    // ---- runtime ----------------------------------------------------------------------------------------------

    /** One jmod per JavaFX module: classes and resources from the jar, its native libraries as native code. */
    Path javafxJmods(Map<String, Path> javafx) throws IOException {
        Path jmods = work.resolve("javafx-jmods");
        Files.createDirectories(jmods);
        Path jdkHome = Path.of(System.getProperty("java.home"));
        for (Map.Entry<String, Path> module : javafx.entrySet()) {
            Path classes = work.resolve("javafx-classes").resolve(module.getKey());
            Path natives = work.resolve("javafx-natives").resolve(module.getKey());
            Files.createDirectories(classes);
            Files.createDirectories(natives);
            boolean hasNatives = false;
            try (ZipFile zip = new ZipFile(module.getValue().toFile())) {
                for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
                    String name = entry.getName();
                    if (entry.isDirectory() || name.startsWith("META-INF/")) {
                        continue;
                    }
                    Path target;
                    if (!name.contains("/") && name.matches(".+\\.(so|dll|dylib)")) {
                        // The JDK brings its own copy of a few libraries (the C runtime on Windows): keep the JDK's.
                        if (Files.exists(jdkHome.resolve("bin").resolve(name)) || Files.exists(jdkHome.resolve("lib").resolve(name))) {
                            continue;
                        }
                        target = natives.resolve(name);
                        hasNatives = true;
                    } else {
                        target = classes.resolve(name);
                        Files.createDirectories(target.getParent());
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
            List<String> args = new ArrayList<>(List.of("create", "--class-path", classes.toString()));
            if (hasNatives) {
                args.addAll(List.of("--libs", natives.toString()));
            }
            args.add(jmods.resolve(module.getKey() + ".jmod").toString());
            run("jmod", args.toArray(String[]::new));
        }
        log("javafx jmods: %s", String.join(", ", javafx.keySet()));
        return jmods;
    }

    Path jlink(TreeSet<String> modules, Path fxJmods) throws IOException {
        Path runtime = work.resolve("runtime");
        Path jdkJmods = Path.of(System.getProperty("java.home"), "jmods");
        if (!Files.isDirectory(jdkJmods)) {
            throw new BuildFailure("no " + jdkJmods + ": jlink needs a JDK with jmods (Debian: openjdk-17-jdk-headless)");
        }
        if (os == Os.LINUX && !onPath("objcopy")) {
            // On Linux, --strip-debug also strips the native libraries' debug data, with objcopy.
            throw new BuildFailure("jlink --strip-debug needs objcopy on Linux (Debian: apt-get install binutils)");
        }
        run("jlink", "--module-path", join(List.of(jdkJmods, fxJmods)),
                "--add-modules", String.join(",", modules), "--include-locales=" + LOCALES,
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", runtime.toString());
        // The class data sharing archive is written by the runtime's own java command, so the commands go only after.
        Path archive = (os == Os.WINDOWS ? runtime.resolve("bin") : runtime.resolve("lib")).resolve("server/classes.jsa");
        Path java = runtime.resolve("bin").resolve(os == Os.WINDOWS ? "java.exe" : "java");
        List<String> dump = new ArrayList<>(List.of(java.toString(),
                // The archive is made for the collector the app runs with.
                "-XX:+UseSerialGC", "-Xshare:dump", "-XX:SharedArchiveFile=" + archive));
        if (cds) {
            Path classList = work.resolve("classlist");
            int classes = filterClassList(runtime, classList);
            dump.add("-XX:SharedClassListFile=" + classList);
            log("class data sharing: %d JDK and JavaFX classes from packaging/cds", classes);
        }
        exec(dump);
        try (Stream<Path> files = Files.list(runtime.resolve("bin"))) {
            for (Path file : files.collect(Collectors.toList())) {
                // On Windows bin/ also holds the runtime's DLLs; the launcher needs those.
                if (Files.isRegularFile(file) && !file.getFileName().toString().endsWith(".dll")) {
                    Files.delete(file);
                }
            }
        }
        log("runtime: %s (class data sharing archive %s)", mb(treeSize(runtime)), mb(Files.size(archive)));
        return runtime;
    }

    /**
     * The recorded class list, keeping what this runtime has: the list is recorded on Linux (a few JavaFX classes
     * differ by OS) and also names the app's own classes, which live on the class path, outside the archive.
     */
    int filterClassList(Path runtime, Path target) throws IOException {
        Set<String> inRuntime = new HashSet<>();
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", runtime.toString()));
             Stream<Path> files = Files.walk(jrt.getPath("/modules"))) {
            files.map(Path::toString).filter(f -> f.endsWith(".class"))
                    .forEach(f -> inRuntime.add(f.substring(f.indexOf('/', "/modules/".length()) + 1, f.length() - ".class".length())));
        }
        List<String> kept = new ArrayList<>();
        int classes = 0;
        for (String line : Files.readAllLines(packaging.resolve("cds/gametriggers-companion.classlist"))) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            if (words[0].equals("@lambda-proxy")) {
                if (words.length > 1 && inRuntime.contains(words[1])) {
                    kept.add(line);
                }
            } else if (words[0].startsWith("@")) {
                kept.add(line);
            } else if (inRuntime.contains(words[0])) {
                kept.add(line);
                classes++;
            }
        }
        Files.write(target, kept);
        return classes;
    }

    // ---- app image --------------------------------------------------------------------------------------------

    Path appImage(Path input, Path runtime) throws IOException {
        Path dest = out.resolve("image");
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--dest", dest.toString(),
                "--name", os.appName(), "--app-version", jpackageVersion(),
                "--vendor", VENDOR, "--description", DESCRIPTION, "--copyright", COPYRIGHT,
                "--input", input.toString(), "--main-jar", appJar.getFileName().toString(), "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                "--icon", icons.resolve(os.icon()).toString(),
                "--resource-dir", resources("app-image").toString()));
        for (String option : JAVA_OPTIONS) {
            args.addAll(List.of("--java-options", option));
        }
        args.addAll(options("app-image"));
        run("jpackage", args.toArray(String[]::new));
        Path image = dest.resolve(os == Os.MAC ? os.appName() + ".app" : os.appName());
        log("app image: %s, %s", image, mb(treeSize(image)));
        return image;
    }

    // ---- installers -------------------------------------------------------------------------------------------

    Path installer(String type, Path image) throws IOException {
        if (!os.types.contains(type)) {
            throw new BuildFailure(type + " is not an installer type of " + os.folder + " (" + os.types + ")");
        }
        if (type.equals("rpm") && !onPath("rpmbuild")) {
            throw new BuildFailure("rpm needs rpmbuild (Debian: apt-get install rpm); or build only the deb: -Dinstaller.types=deb");
        }
        if (type.equals("deb") && !(onPath("fakeroot") && onPath("dpkg-deb"))) {
            throw new BuildFailure("deb needs dpkg-deb and fakeroot (Debian: apt-get install fakeroot)");
        }
        Path dest = work.resolve("installers");
        List<String> args = new ArrayList<>(List.of("--type", type, "--dest", dest.toString(),
                "--app-image", image.toString(), "--name", os.appName(), "--app-version", jpackageVersion(),
                "--vendor", VENDOR, "--description", DESCRIPTION, "--copyright", COPYRIGHT,
                "--resource-dir", resources(type).toString()));
        args.addAll(options(type));
        long start = System.nanoTime();
        run("jpackage", args.toArray(String[]::new));
        Path made;
        try (Stream<Path> files = Files.list(dest)) {
            made = files.filter(f -> f.getFileName().toString().endsWith("." + type)).findFirst()
                    .orElseThrow(() -> new BuildFailure("jpackage made no ." + type));
        }
        // macOS makes jpackage take a version >= 1 (see jpackageVersion); the file carries the real one.
        String fileName = made.getFileName().toString().replace("-" + jpackageVersion() + ".", "-" + version + ".");
        Path installer = Files.move(made, out.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        log("%s: %s, %s in %d s", type, installer.getFileName(), mb(Files.size(installer)),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        return installer;
    }

    /**
     * The version jpackage is given. On macOS jpackage refuses a first number of 0 (an old App Store rule), so it gets
     * 1.0 there, and Info.plist, written from packaging/macos/Info.plist, carries the real version.
     */
    String jpackageVersion() {
        return os == Os.MAC && version.startsWith("0") ? "1.0" : version;
    }

    /**
     * jpackage's templates for one step (app-image or an installer type): the files in packaging/OS, with @VERSION@
     * and @LINUX_PACKAGE_DEPS@ (that type's --linux-package-deps) filled in.
     */
    Path resources(String step) throws IOException {
        Path resources = work.resolve("resources-" + step);
        deleteTree(resources);
        Files.createDirectories(resources);
        List<String> stepOptions = options(step);
        int deps = stepOptions.indexOf("--linux-package-deps");
        String packageDeps = deps >= 0 ? stepOptions.get(deps + 1) : "";
        try (Stream<Path> files = Files.list(packaging.resolve(os.folder))) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                if (name.endsWith(".options") || name.endsWith(".properties")) {
                    continue;
                }
                Path target = resources.resolve(name);
                Files.writeString(target, Files.readString(file)
                        .replace("@VERSION@", version).replace("@LINUX_PACKAGE_DEPS@", packageDeps));
                if (Files.isExecutable(file)) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
        return resources;
    }

    /**
     * Options from packaging/OS/STEP.options: one option a line ("--option value" or "--flag"), "#" starts a
     * comment line; a value is taken as is (no quotes), and a path in it that starts with packaging/ is this folder.
     */
    List<String> options(String name) throws IOException {
        Path file = packaging.resolve(os.folder).resolve(name + ".options");
        List<String> args = new ArrayList<>();
        if (!Files.exists(file)) {
            return args;
        }
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int space = trimmed.indexOf(' ');
            if (space < 0) {
                args.add(trimmed);
                continue;
            }
            String option = trimmed.substring(0, space);
            String value = trimmed.substring(space + 1).strip();
            Matcher path = Pattern.compile("(^|=)packaging/(.+)").matcher(value);
            if (path.find()) {
                value = value.substring(0, path.start(2) - "packaging/".length()) + packaging.resolve(path.group(2));
            }
            args.add(option);
            args.add(value);
        }
        return args;
    }

    // ---- sizes ------------------------------------------------------------------------------------------------

    /** What each part weighs: installers, the app image, and the runtime by part. */
    String sizes(Path image, List<Path> installers, Map<String, Path> javafx) throws IOException {
        Path runtime = os == Os.MAC ? image.resolve("Contents/runtime/Contents/Home")
                : os == Os.WINDOWS ? image.resolve("runtime") : image.resolve("lib/runtime");
        Path appDir = os == Os.MAC ? image.resolve("Contents/app") : os == Os.WINDOWS ? image.resolve("app") : image.resolve("lib/app");

        // Native libraries that came out of the JavaFX jars, by name.
        TreeSet<String> fxNatives = new TreeSet<>();
        try (Stream<Path> files = Files.walk(work.resolve("javafx-natives"))) {
            files.filter(Files::isRegularFile).forEach(f -> fxNatives.add(f.getFileName().toString()));
        }
        long webkit = 0;
        long fxNative = 0;
        long cdsArchives = 0;
        long otherRuntimeFiles = 0;
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                long size = Files.size(file);
                if (name.startsWith("libjfxwebkit") || name.startsWith("jfxwebkit")) {
                    webkit += size;
                } else if (fxNatives.contains(name)) {
                    fxNative += size;
                } else if (name.endsWith(".jsa")) {
                    cdsArchives += size;
                } else if (!name.equals("modules")) {
                    otherRuntimeFiles += size;
                }
            }
        }
        Map<String, Long> byModule = moduleSizes(runtime);
        long modulesFile = Files.size(runtime.resolve("lib/modules"));
        long fxClasses = byModule.entrySet().stream().filter(e -> e.getKey().startsWith("javafx.")).mapToLong(Map.Entry::getValue).sum();
        long webClasses = byModule.getOrDefault("javafx.web", 0L);
        long allClasses = byModule.values().stream().mapToLong(Long::longValue).sum();
        // lib/modules also holds its index; share it out by the classes' sizes.
        long fxShare = Math.round((double) modulesFile * fxClasses / allClasses);
        long webShare = Math.round((double) modulesFile * webClasses / allClasses);
        long jdkShare = modulesFile - fxShare;

        long appJarSize = Files.size(appDir.resolve(appJar.getFileName()));
        long depJars = 0;
        try (Stream<Path> files = Files.list(appDir)) {
            for (Path file : files.collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jar") && !name.equals(appJar.getFileName().toString())) {
                    depJars += Files.size(file);
                }
            }
        }
        long imageSize = treeSize(image);
        long runtimeSize = treeSize(runtime);

        StringBuilder report = new StringBuilder();
        report.append("\n| part | size |\n|---|---:|\n");
        for (Path installer : installers) {
            report.append(row("installer `" + installer.getFileName() + "`", Files.size(installer)));
        }
        report.append(row("app image (installed size)", imageSize));
        report.append(row("&nbsp;&nbsp;runtime", runtimeSize));
        report.append(row("&nbsp;&nbsp;&nbsp;&nbsp;WebView engine (`libjfxwebkit`)", webkit));
        report.append(row("&nbsp;&nbsp;&nbsp;&nbsp;other JavaFX native libraries (" + fxNatives.size() + " files, incl. media)", fxNative));
        report.append(row("&nbsp;&nbsp;&nbsp;&nbsp;JavaFX classes (" + javafx.size() + " modules; `javafx.web` " + mb(webShare) + ")", fxShare));
        report.append(row("&nbsp;&nbsp;&nbsp;&nbsp;JDK classes (" + byModule.keySet().stream().filter(m -> !m.startsWith("javafx.")).count() + " modules)", jdkShare));
        report.append(row("&nbsp;&nbsp;&nbsp;&nbsp;JDK native libraries, JVM and other files", otherRuntimeFiles));
        report.append(row("&nbsp;&nbsp;&nbsp;&nbsp;class data sharing archive (JDK and JavaFX classes)", cdsArchives));
        report.append(row("&nbsp;&nbsp;app jar (stored uncompressed)", appJarSize));
        report.append(row("&nbsp;&nbsp;library jars (" + (countJars(appDir) - 1) + ", stored uncompressed)", depJars));
        report.append(row("&nbsp;&nbsp;launcher, icon and the rest", imageSize - runtimeSize - appJarSize - depJars));
        report.append("\nModules in the runtime by the size of their classes and resources:\n\n");
        report.append(byModule.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + mb(e.getValue()))
                .collect(Collectors.joining(", ")));
        report.append("\n");
        return report.toString();
    }

    /** Bytes of classes and resources per module in the runtime's lib/modules, read through its jrt file system. */
    static Map<String, Long> moduleSizes(Path runtime) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", runtime.toString()));
             Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path module : modules.collect(Collectors.toList())) {
                try (Stream<Path> files = Files.walk(module)) {
                    sizes.put(module.getFileName().toString().replace("/", ""), files.filter(Files::isRegularFile)
                            .mapToLong(BuildInstaller::size).sum());
                }
            }
        }
        return sizes;
    }

    private static String row(String part, long bytes) {
        return "| " + part + " | " + mb(bytes) + " |\n";
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Runs one of the JDK's tools in this JVM; its output is returned, and shown when it fails. */
    String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new BuildFailure("this JDK has no " + tool + " (needs a full JDK 17)"));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int exit = provider.run(stream, stream, args);
        String output = buffer.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new BuildFailure(tool + " failed (exit " + exit + "): " + tool + " " + String.join(" ", args) + "\n" + output);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (seconds >= 5) {
            log("%s took %d s", tool, seconds);
        }
        return output;
    }

    /**
     * Copies a jar with every entry stored, not deflated: same content, and the installers' own compression (xz, MSI
     * cabinets, the dmg's zlib) then works on the classes themselves, which shrinks them about twice as far.
     */
    static void storeJar(Path source, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.setMethod(ZipOutputStream.STORED);
            for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry stored = new ZipEntry(entry.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(content.length);
                stored.setCompressedSize(content.length);
                stored.setCrc(crc.getValue());
                stored.setTime(entry.getTime());
                out.putNextEntry(stored);
                out.write(content);
                out.closeEntry();
            }
        }
    }

    static long countJars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).count();
        }
    }

    /** Runs a command; its output is shown when it fails. */
    void exec(List<String> command) throws IOException {
        Path log = work.resolve("command.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new BuildFailure(String.join(" ", command) + " failed (exit " + exit + "):\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BuildFailure("interrupted: " + String.join(" ", command));
        }
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
    }

    static String join(Collection<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long treeSize(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(BuildInstaller::size).sum();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(file);
            }
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    String elapsed() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s";
    }

    void log(String format, Object... args) {
        System.out.println("installer: " + String.format(Locale.ROOT, format, args));
    }

    static final class BuildFailure extends RuntimeException {
        BuildFailure(String message) {
            super(message);
        }
    }
}
