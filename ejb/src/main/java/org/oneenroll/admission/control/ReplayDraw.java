package org.oneenroll.admission.control;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.CanonicalText;
import org.oneenroll.admission.entity.ClassAssignment;
import org.oneenroll.admission.entity.ClassAssignmentInput;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * The public replay of a draw: from the published input file and the ceremony seed, prints the canonical result
 * and, last, its SHA-256. Needs only a JDK: {@code java -cp ejb/target/classes ...ReplayDraw input.txt SEED}.
 */
public final class ReplayDraw {

    private ReplayDraw() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        out.flush();
        System.exit(status);
    }

    /** Exit status: 0 replayed, 1 input or seed refused, 2 wrong arguments or unreadable file. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println(Messages.format(Messages.DEFAULT_LOCALE, "admission.replay.usage"));
            return 2;
        }
        byte[] file;
        try {
            file = Files.readAllBytes(Path.of(args[0]));
        } catch (IOException e) {
            err.println(Messages.format(
                    Messages.DEFAULT_LOCALE, "admission.replay.unreadable", args[0], String.valueOf(e.getMessage())));
            return 2;
        }
        try {
            LotterySeed seed = LotterySeed.parse(args[1]);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            OutputStream body = new BufferedOutputStream(new DigestOutputStream(nonClosing(out), digest), 1 << 16);
            replay(file, seed, body);
            body.flush();
            out.println("result-sha256 " + HexFormat.of().formatHex(digest.digest()));
            return 0;
        } catch (InvalidValueException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical result of replaying a published input file with a seed. */
    public static byte[] replay(byte[] inputFile, LotterySeed seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        replay(inputFile, seed, out);
        return out.toByteArray();
    }

    private static void replay(byte[] inputFile, LotterySeed seed, OutputStream out) {
        String fileDigest = CanonicalText.sha256Hex(inputFile);
        if (startsWith(inputFile, ClassAssignmentInput.FORMAT + "\n")) {
            ClassAssignmentInput input = ClassAssignmentInput.parse(new ByteArrayInputStream(inputFile));
            requireCanonical(fileDigest, input.sha256());
            ClassAssignment result = new ClassAssigner().assign(input, seed);
            result.writeCanonical(out);
        } else {
            AdmissionInput input = AdmissionInput.parse(new ByteArrayInputStream(inputFile));
            requireCanonical(fileDigest, input.sha256());
            Allocation result = new AdmissionEngine().run(input, seed);
            result.writeCanonical(out);
        }
    }

    /* A file that parses but is not byte-for-byte canonical would have another digest than the one published. */
    private static void requireCanonical(String fileDigest, String canonicalDigest) {
        if (!fileDigest.equals(canonicalDigest)) {
            throw new InvalidValueException("input", "admission.input.not-canonical", fileDigest, canonicalDigest);
        }
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static OutputStream nonClosing(PrintStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(b, off, len);
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }
}
