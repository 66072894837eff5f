package com.texterchat.checks.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** A pom.xml as written (not the effective model): enough to compare the BOM with the parent and the modules. */
final class Pom {

    private final Path file;
    private final Element project;

    private Pom(Path file, Element project) {
        this.file = file;
        this.project = project;
    }

    static Pom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return new Pom(file, document.getDocumentElement());
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    Path file() {
        return file;
    }

    Path directory() {
        return file.getParent();
    }

    /** The text of the element at the slash-separated path below {@code <project>}, or null without one. */
    @Nullable String text(String path) {
        Element element = project;
        for (String name : path.split("/")) {
            element = child(element, name);
            if (element == null) {
                return null;
            }
        }
        return element.getTextContent().trim();
    }

    String artifactId() {
        String artifactId = text("artifactId");
        if (artifactId == null) {
            throw new IllegalStateException(file + " has no artifactId");
        }
        return artifactId;
    }

    /** The own version, or the parent's when the pom inherits it. */
    @Nullable String version() {
        String version = text("version");
        return version != null ? version : text("parent/version");
    }

    String packaging() {
        String packaging = text("packaging");
        return packaging == null ? "jar" : packaging;
    }

    List<String> modules() {
        return texts("modules", "module");
    }

    /** The properties declared in this pom (not inherited ones). */
    Map<String, String> properties() {
        Map<String, String> properties = new TreeMap<>();
        Element element = child(project, "properties");
        if (element != null) {
            for (Element property : children(element)) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return properties;
    }

    /** artifactId of every dependency in dependencyManagement. */
    List<String> managedArtifactIds() {
        List<String> ids = new ArrayList<>();
        Element management = child(project, "dependencyManagement");
        Element dependencies = management == null ? null : child(management, "dependencies");
        if (dependencies != null) {
            for (Element dependency : children(dependencies)) {
                Element artifactId = child(dependency, "artifactId");
                if (artifactId != null) {
                    ids.add(artifactId.getTextContent().trim());
                }
            }
        }
        return ids;
    }

    /** artifactId to version of every plugin in build/pluginManagement. */
    Map<String, String> managedPluginVersions() {
        Map<String, String> versions = new TreeMap<>();
        Element build = child(project, "build");
        Element management = build == null ? null : child(build, "pluginManagement");
        Element plugins = management == null ? null : child(management, "plugins");
        if (plugins != null) {
            for (Element plugin : children(plugins)) {
                Element artifactId = child(plugin, "artifactId");
                Element version = child(plugin, "version");
                if (artifactId != null && version != null) {
                    versions.put(artifactId.getTextContent().trim(), version.getTextContent().trim());
                }
            }
        }
        return versions;
    }

    private List<String> texts(String container, String name) {
        List<String> texts = new ArrayList<>();
        Element element = child(project, container);
        if (element != null) {
            for (Element child : children(element)) {
                if (child.getTagName().equals(name)) {
                    texts.add(child.getTextContent().trim());
                }
            }
        }
        return texts;
    }

    private static @Nullable Element child(Element parent, String name) {
        for (Element child : children(parent)) {
            if (child.getTagName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
