package org.modeldao.onnxchecks;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX file as a protobuf (the ONNX schema as compiled in Tribuo's
 * {@code tribuo-util-onnx}) before ONNX Runtime may open it, and finds any tensor with external
 * data — wherever a tensor can sit: graph initializers, sparse initializers, node attributes
 * (tensors, sparse tensors, subgraphs of If/Loop/Scan), functions, training graphs. ONNX Runtime
 * follows an external-data {@code location} as a path on the machine that opens the model, so such
 * a file could make the app's upload inspection or the gateway's load read a local file.
 * <p>
 * The walk is by protobuf reflection over every message, so a tensor in a container this class does
 * not name is still found. A field the schema does not know (a newer ONNX) is reported too: it could
 * hold a tensor this reader cannot see.
 * <p>
 * Bounded: callers pass only files within their artifact size limit. A file is memory-mapped and
 * parsed with aliasing; where protobuf cannot alias a mapped buffer (without {@code sun.misc.Unsafe},
 * as on JDK 25, it copies the mapping once) the heap holds about one copy of the file, never more.
 * Protobuf's recursion limit (100) bounds the nesting of subgraphs.
 */
public final class ExternalDataScan {

    /** What the scan found; only {@link Clean} may be handed to ONNX Runtime. */
    public sealed interface Result {
        /** Every tensor's data is inside the file. */
        record Clean() implements Result {}

        /** @param where the tensor and where it sits, e.g. "tensor 'coef' in the model › graph › initializer" */
        record ExternalData(String where) implements Result {}

        /** A field this reader's ONNX schema does not know, which could hold an external tensor unseen. */
        record UnknownFields(String where) implements Result {}

        /** The bytes are not an ONNX model protobuf at all (or larger than one can be). */
        record Unparsable(String reason) implements Result {}
    }

    private static final int MAX_NAME = 80;

    private ExternalDataScan() {
    }

    public static Result scan(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                return new Result.Unparsable("it is larger than 2 GiB, the most a single ONNX protobuf can hold");
            }
            return scan(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result scan(byte[] bytes) {
        return scan(ByteBuffer.wrap(bytes));
    }

    private static Result scan(ByteBuffer bytes) {
        ModelProto model;
        try {
            // through an immutable ByteString: only then may protobuf alias bytes fields instead of copying them
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
            in.enableAliasing(true);
            model = ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            return new Result.Unparsable("it does not parse as an ONNX protobuf (another kind of file, or an incomplete one)");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a mapped file that can no longer be read
        }
        return check(model, "the model");
    }

    private static Result check(Message message, String where) {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            return new Result.UnknownFields(where);
        }
        if (message instanceof TensorProto tensor) {
            if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL || tensor.getExternalDataCount() > 0) {
                return new Result.ExternalData("tensor '" + printable(tensor.getName()) + "' in " + where);
            }
            // a tensor holds numbers and strings, no further tensors: its (possibly huge) data is not walked
            return new Result.Clean();
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String inner = where + " › " + field.getKey().getName() + nameOf(message);
            List<?> elements = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
            for (Object element : elements) {
                Result result = check((Message) element, inner);
                if (!(result instanceof Result.Clean)) {
                    return result;
                }
            }
        }
        return new Result.Clean();
    }

    /** " of 'node_3'" for messages with a name, so a finding says where to look. */
    private static String nameOf(Message message) {
        FieldDescriptor name = message.getDescriptorForType().findFieldByName("name");
        if (name == null || name.getJavaType() != FieldDescriptor.JavaType.STRING || !message.hasField(name)) {
            return "";
        }
        return " of '" + printable((String) message.getField(name)) + "'";
    }

    /** Names come from the file: no control characters, bounded length. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?").strip();
        return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME) + "…";
    }
}
