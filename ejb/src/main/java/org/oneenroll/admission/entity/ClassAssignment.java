package org.oneenroll.admission.entity;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.oneenroll.identity.entity.Sex;

/**
 * The result of fair class assignment for one school: each child's class (numbered from 1) and lottery number.
 * Its canonical text, with the input digest and the seed, is what a replay reproduces.
 */
public final class ClassAssignment {

    public static final String FORMAT = "oneenroll-class-result/1";

    private final ClassAssignmentInput input;
    private final LotterySeed seed;
    private final long[] numbers;
    private final int[] classOf;
    private final CanonicalText.Document canonical = new CanonicalText.Document(this::writeTo);

    private ClassAssignment(ClassAssignmentInput input, LotterySeed seed, long[] numbers, int[] classOf) {
        this.input = input;
        this.seed = seed;
        this.numbers = numbers;
        this.classOf = classOf;
    }

    /** Records a class (from 1) and lottery number per pupil, indexed like the input's pupils. */
    public static ClassAssignment of(ClassAssignmentInput input, LotterySeed seed, long[] numbers, int[] classOf) {
        int n = input.pupils().size();
        if (numbers.length != n || classOf.length != n) {
            throw new IllegalArgumentException("one number and one class per pupil");
        }
        for (int c : classOf) {
            if (c < 1 || c > input.classCount()) {
                throw new IllegalArgumentException("class " + c + " of " + input.classCount());
            }
        }
        return new ClassAssignment(input, seed, numbers.clone(), classOf.clone());
    }

    public ClassAssignmentInput input() {
        return input;
    }

    public LotterySeed seed() {
        return seed;
    }

    public int classOf(int pupil) {
        return classOf[pupil];
    }

    public int classOf(String childRef) {
        List<Pupil> pupils = input.pupils();
        for (int i = 0; i < pupils.size(); i++) {
            if (pupils.get(i).childRef().equals(childRef)) {
                return classOf[i];
            }
        }
        throw new IllegalArgumentException("not in this school's list: " + childRef);
    }

    /** The children of each class in reference order; element 0 is class 1. */
    public List<List<String>> classes() {
        List<List<String>> classes = new ArrayList<>();
        for (int c = 0; c < input.classCount(); c++) {
            classes.add(new ArrayList<>());
        }
        for (int i = 0; i < classOf.length; i++) {
            classes.get(classOf[i] - 1).add(input.pupils().get(i).childRef());
        }
        return classes.stream().map(List::copyOf).toList();
    }

    public int size(int classNumber) {
        int size = 0;
        for (int c : classOf) {
            size += c == classNumber ? 1 : 0;
        }
        return size;
    }

    public int count(int classNumber, Sex sex) {
        int count = 0;
        for (int i = 0; i < classOf.length; i++) {
            count += classOf[i] == classNumber && input.pupils().get(i).sex() == sex ? 1 : 0;
        }
        return count;
    }

    /** How many children of a class have a value of an attribute (by its index in the input's names). */
    public int count(int classNumber, int attribute, String value) {
        int count = 0;
        for (int i = 0; i < classOf.length; i++) {
            count += classOf[i] == classNumber
                            && input.pupils().get(i).attributes().get(attribute).equals(value)
                    ? 1
                    : 0;
        }
        return count;
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
        out.line("input-sha256", input.sha256());
        out.line("seed", seed.hex());
        out.line("school", input.schoolCode());
        out.line("classes", input.classCount());
        List<Pupil> pupils = input.pupils();
        for (int i = 0; i < pupils.size(); i++) {
            out.line("pupil", pupils.get(i).childRef(), classOf[i], String.format("%016x", numbers[i]));
        }
        for (int c = 1; c <= input.classCount(); c++) {
            out.start("class").add(c).add("size").add(size(c));
            for (Sex sex : Sex.values()) {
                out.add(sex.name()).add(count(c, sex));
            }
            for (int a = 0; a < input.attributes().size(); a++) {
                TreeSet<String> values = new TreeSet<>();
                for (Pupil p : pupils) {
                    values.add(p.attributes().get(a));
                }
                for (String value : values) {
                    out.add(input.attributes().get(a) + "=" + value).add(count(c, a, value));
                }
            }
            out.end();
        }
        out.line("end");
    }
}
