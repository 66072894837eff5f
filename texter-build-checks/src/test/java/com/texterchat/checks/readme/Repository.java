package com.texterchat.checks.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What the check reads from the repository: its Markdown documents, and the sources the default build compiles.
 *
 * @param root the repository root (the directory of the parent {@code pom.xml})
 */
record Repository(Path root) {

    /** The documents whose code blocks are checked. */
    static boolean isCheckedDocument(Path file) {
        String name = file.getFileName().toString();
        return name.equals("README.md") || name.equals("ARCHITECTURE.md");
    }

    /**
     * The repository this test runs in: the nearest directory above the working directory that holds both
     * {@code pom.xml} and {@code openapi.json}.
     */
    static Repository current() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isRegularFile(dir.resolve("openapi.json")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (pom.xml next to openapi.json) above "
                    + Path.of("").toAbsolutePath());
        }
        return new Repository(dir);
    }

    /** Every README.md and ARCHITECTURE.md, outside build output ({@code target}) and hidden directories. */
    List<Path> documents() {
        List<Path> documents = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root) && (name.startsWith(".") || name.equals("target")
                            || name.equals("node_modules"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (isCheckedDocument(file)) {
                        documents.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.sort(null);
        return documents;
    }

    /**
     * The Java and Kotlin files the default build ({@code ./mvnw verify}, no profile) compiles: those under
     * {@code src/main/java} and {@code src/test/java} of each module the parent lists outside its profiles, and
     * under {@code src/main/kotlin} and {@code src/test/kotlin} of those among them that run the Kotlin compiler
     * (the module's or the parent's {@code build/plugins} declare {@code kotlin-maven-plugin}).
     */
    List<Path> compiledSources() {
        Element parent = pom(root.resolve("pom.xml"));
        boolean kotlinEverywhere = declaresKotlinCompiler(parent);
        List<Path> sources = new ArrayList<>();
        for (Element module : children(child(parent, "modules"), "module")) {
            Path dir = root.resolve(module.getTextContent().strip());
            Element pom = pom(dir.resolve("pom.xml"));
            Element packaging = child(pom, "packaging");
            if (packaging != null && packaging.getTextContent().strip().equals("pom")) {
                continue;
            }
            boolean kotlin = kotlinEverywhere || declaresKotlinCompiler(pom);
            for (String set : List.of("main", "test")) {
                sources.addAll(files(dir.resolve("src").resolve(set).resolve("java"), ".java"));
                if (kotlin) {
                    sources.addAll(files(dir.resolve("src").resolve(set).resolve("kotlin"), ".kt"));
                }
            }
        }
        sources.sort(null);
        return sources;
    }

    private static boolean declaresKotlinCompiler(Element project) {
        for (Element plugin : children(child(child(project, "build"), "plugins"), "plugin")) {
            Element artifactId = child(plugin, "artifactId");
            if (artifactId != null && artifactId.getTextContent().strip().equals("kotlin-maven-plugin")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> files(Path dir, String extension) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(extension))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Element pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Element child(@Nullable Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(@Nullable Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName() != null
                    ? element.getLocalName() : element.getNodeName())) {
                result.add(element);
            }
        }
        return result;
    }
}
