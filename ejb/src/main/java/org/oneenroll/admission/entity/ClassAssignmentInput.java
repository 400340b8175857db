package org.oneenroll.admission.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.oneenroll.identity.entity.Sex;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * What fair class assignment (阳光分班) of one school depends on, frozen: the number of classes, the attributes
 * to balance besides sex, and the admitted children sorted by reference. Published with its SHA-256 before the
 * draw, like the admission input.
 */
public final class ClassAssignmentInput {

    public static final String FORMAT = "oneenroll-class-input/1";

    private final String schoolCode;
    private final int classCount;
    private final List<String> attributes;
    private final List<Pupil> pupils;
    private final CanonicalText.Document canonical = new CanonicalText.Document(this::writeTo);

    private ClassAssignmentInput(String schoolCode, int classCount, List<String> attributes, List<Pupil> pupils) {
        this.schoolCode = Codes.token("school", "admission.code.school", schoolCode);
        if (classCount < 1) {
            throw new InvalidValueException("classCount", "admission.class.count", String.valueOf(classCount));
        }
        this.classCount = classCount;
        this.attributes = List.copyOf(attributes);
        HashSet<String> names = new HashSet<>();
        for (String name : this.attributes) {
            Codes.token("attributes", "admission.code.attribute", name);
            if (!names.add(name) || name.equals("sex")) {
                throw new InvalidValueException("attributes", "admission.class.attribute-twice", name);
            }
        }
        List<Pupil> sorted = new ArrayList<>(pupils);
        sorted.sort(Comparator.comparing(Pupil::childRef));
        for (int i = 0; i < sorted.size(); i++) {
            Pupil p = sorted.get(i);
            if (p.attributes().size() != this.attributes.size()) {
                throw new InvalidValueException(
                        "pupils",
                        "admission.class.attribute-count",
                        p.childRef(),
                        String.valueOf(this.attributes.size()),
                        String.valueOf(p.attributes().size()));
            }
            if (i > 0 && sorted.get(i - 1).childRef().equals(p.childRef())) {
                throw new InvalidValueException("pupils", "admission.child.twice", p.childRef());
            }
        }
        this.pupils = List.copyOf(sorted);
    }

    public static ClassAssignmentInput of(
            String schoolCode, int classCount, List<String> attributes, Collection<Pupil> pupils) {
        return new ClassAssignmentInput(schoolCode, classCount, attributes, new ArrayList<>(pupils));
    }

    public String schoolCode() {
        return schoolCode;
    }

    public int classCount() {
        return classCount;
    }

    /** Names of the attributes balanced besides sex, in priority order. */
    public List<String> attributes() {
        return attributes;
    }

    /** The children in reference order; indexes into this list are the pupil indexes. */
    public List<Pupil> pupils() {
        return pupils;
    }

    public void writeCanonical(OutputStream out) {
        canonical.write(out);
    }

    public byte[] canonicalBytes() {
        return canonical.bytes();
    }

    public String sha256() {
        return canonical.sha256();
    }

    private void writeTo(CanonicalText.Lines out) throws IOException {
        out.line(FORMAT);
        out.line("engine", AdmissionInput.ENGINE);
        out.line("school", schoolCode);
        out.line("classes", classCount);
        out.line("attributes", attributes.toArray());
        out.line("pupils", pupils.size());
        for (Pupil p : pupils) {
            out.start("pupil").add(p.childRef()).add(p.sex().name());
            p.attributes().forEach(out::add);
            out.end();
        }
        out.line("end");
    }

    public static ClassAssignmentInput parse(InputStream in) {
        CanonicalText.Reader r = new CanonicalText.Reader(in);
        r.next(FORMAT, 1);
        String engine = r.next("engine", 2)[1];
        if (!engine.equals(AdmissionInput.ENGINE)) {
            throw new InvalidValueException("input", "admission.input.engine", engine, AdmissionInput.ENGINE);
        }
        String school = r.next("school", 2)[1];
        int classes = r.count("classes");
        String[] names = r.next("attributes");
        List<String> attributes = Arrays.asList(Arrays.copyOfRange(names, 1, names.length));
        int count = r.count("pupils");
        List<Pupil> pupils = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] t = r.next("pupil", 3 + attributes.size());
            pupils.add(new Pupil(
                    t[1], r.constant(Sex.class, t, 2, "pupil"), Arrays.asList(Arrays.copyOfRange(t, 3, t.length))));
        }
        r.end();
        return of(school, classes, attributes, pupils);
    }
}
