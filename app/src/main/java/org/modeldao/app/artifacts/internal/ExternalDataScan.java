package org.modeldao.app.artifacts.internal;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.modeldao.app.artifacts.ExternalDataRefused;
import org.modeldao.app.artifacts.NotAnOnnxModel;

/**
 * Reads an uploaded ONNX file as a protobuf (the ONNX schema as compiled in Tribuo's
 * {@code tribuo-util-onnx}) before ONNX Runtime may open it, and refuses any tensor with external
 * data — wherever a tensor can sit: graph initializers, sparse initializers, node attributes
 * (tensors, sparse tensors, subgraphs of If/Loop/Scan), functions, training graphs. ONNX Runtime
 * 1.21 follows an external-data {@code location} as a path on the server, so such a file could make
 * the inspection read a local file.
 * <p>
 * The walk is by protobuf reflection over every message, so a tensor in a container this class does
 * not name is still found. A field the schema does not know (a newer ONNX) is refused too: it could
 * hold a tensor this reader cannot see.
 * <p>
 * Bounded: only a file already within the artifact size limit gets here. It is memory-mapped and
 * parsed with aliasing; where protobuf cannot alias a mapped buffer (without {@code sun.misc.Unsafe},
 * as on JDK 25, it copies the mapping once) the heap holds about one copy of the file, never more.
 * Protobuf's recursion limit (100) bounds the nesting of subgraphs.
 */
final class ExternalDataScan {

    private ExternalDataScan() {
    }

    /**
     * @throws ExternalDataRefused if a tensor has external data (or a field this reader does not know)
     * @throws NotAnOnnxModel      if the file does not parse as an ONNX model protobuf
     */
    static void refuseExternalData(Path file) {
        ModelProto model = parse(file);
        check(model, "the model");
    }

    private static ModelProto parse(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new NotAnOnnxModel("it is larger than 2 GiB, the most a single ONNX protobuf can hold");
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            // through an immutable ByteString: only then may protobuf alias bytes fields instead of copying them
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(mapped).newCodedInput();
            in.enableAliasing(true);
            return ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new NotAnOnnxModel("it does not parse as an ONNX protobuf (another kind of file, or an incomplete upload)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Message message, String where) {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            throw ExternalDataRefused.unknownFields(where);
        }
        if (message instanceof TensorProto tensor) {
            if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL || tensor.getExternalDataCount() > 0) {
                throw new ExternalDataRefused("tensor '" + printable(tensor.getName()) + "' in " + where);
            }
            // a tensor holds numbers and strings, no further tensors: its (possibly huge) data is not walked
            return;
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String inner = where + " › " + field.getKey().getName() + nameOf(message);
            if (field.getKey().isRepeated()) {
                for (Object element : (List<?>) field.getValue()) {
                    check((Message) element, inner);
                }
            } else {
                check((Message) field.getValue(), inner);
            }
        }
    }

    /** " of 'node_3'" for messages with a name, so the refusal says where to look. */
    private static String nameOf(Message message) {
        FieldDescriptor name = message.getDescriptorForType().findFieldByName("name");
        if (name == null || name.getJavaType() != FieldDescriptor.JavaType.STRING || !message.hasField(name)) {
            return "";
        }
        return " of '" + printable((String) message.getField(name)) + "'";
    }

    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?").strip();
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "…";
    }
}
