package org.modeldao.onnxchecks;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an ONNX file as a protobuf (the ONNX schema as compiled in Tribuo's
 * {@code tribuo-util-onnx}) before ONNX Runtime may open it, and finds any tensor with external
 * data — wherever a tensor can sit: graph initializers, sparse initializers, node attributes
 * (tensors, sparse tensors, subgraphs of If/Loop/Scan), functions, training graphs. ONNX Runtime
 * follows an external-data {@code location} as a path on the machine that opens the model, so such
 * a file could make the app's upload inspection or the gateway's load read a local file.
 * <p>
 * The walk follows the schema's descriptors over the wire format, so a tensor in a container this
 * class does not name is still found. A field the schema does not know (a newer ONNX), a known field
 * with another wire type or an enum value the schema does not list is reported too: the protobuf
 * parser would keep it as an unknown field, and it could hold a tensor this reader cannot see.
 * <p>
 * Bounded in memory whatever the file's size: the file is read as a stream in small buffers and a
 * tensor's data is skipped, never held (a model as large as the artifact limit needs no heap of its
 * size); names are kept to a few hundred bytes. The whole file is read to its end, so bytes that
 * are not a well-formed protobuf are {@link Result.Unparsable} even after a finding. Nesting is
 * limited to {@value #MAX_DEPTH} messages, as protobuf's own parser limits it.
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
    /** Bytes of a name read; the rest is skipped (a name is attacker text of any length). */
    private static final int MAX_NAME_BYTES = 4 * MAX_NAME;
    private static final int MAX_DEPTH = 100;
    private static final int BUFFER = 64 * 1024;
    private static final Result CLEAN = new Result.Clean();
    private static final String NOT_ONNX = "it does not parse as an ONNX protobuf (another kind of file, or an incomplete one)";

    private ExternalDataScan() {
    }

    public static Result scan(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                return new Result.Unparsable("it is larger than 2 GiB, the most a single ONNX protobuf can hold");
            }
            return scan(CodedInputStream.newInstance(new PositionalInput(channel), BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result scan(byte[] bytes) {
        try {
            return scan(CodedInputStream.newInstance(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not reached: only a stream can fail to read
        }
    }

    private static Result scan(CodedInputStream in) throws IOException {
        in.setSizeLimit(Integer.MAX_VALUE);
        try {
            Finding finding = new Finding();
            message(in, ModelProto.getDescriptor(), "the model", 0, finding);
            return finding.first == null ? CLEAN : finding.first;
        } catch (InvalidProtocolBufferException e) {
            return new Result.Unparsable(NOT_ONNX);
        }
    }

    /** The first finding in file order; the walk goes on to the end only to tell a well-formed file from garbage. */
    private static final class Finding {
        private Result first;

        void add(Result result) {
            if (first == null) {
                first = result;
            }
        }
    }

    /** Walks one message up to the stream's current limit. */
    private static void message(CodedInputStream in, Descriptor type, String where, int depth, Finding finding)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InvalidProtocolBufferException("nested deeper than " + MAX_DEPTH + " messages");
        }
        boolean tensor = type.equals(TensorProto.getDescriptor());
        boolean external = false;
        FieldDescriptor nameField = type.findFieldByName("name");
        String name = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
            int wireType = WireFormat.getTagWireType(tag);
            if (field == null || !fits(field, wireType)) {
                finding.add(new Result.UnknownFields(where));
                if (!in.skipField(tag)) {
                    throw new InvalidProtocolBufferException("an end-group tag outside a group");
                }
            } else if (field.equals(nameField) && field.getType() == FieldDescriptor.Type.STRING) {
                name = boundedString(in);
            } else if (tensor && field.getNumber() == TensorProto.EXTERNAL_DATA_FIELD_NUMBER) {
                external = true;
                in.skipField(tag);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !tensor) {
                int length = in.readRawVarint32();
                if (length < 0) {
                    throw new InvalidProtocolBufferException("a negative length");
                }
                int outer = in.pushLimit(length);
                String inner = where + " › " + field.getName() + (name.isEmpty() ? "" : " of '" + name + "'");
                message(in, field.getMessageType(), inner, depth + 1, finding);
                in.checkLastTagWas(0);
                in.popLimit(outer);
            } else if (tensor && field.getNumber() == TensorProto.DATA_LOCATION_FIELD_NUMBER) {
                int location = in.readEnum();
                external |= location == TensorProto.DataLocation.EXTERNAL_VALUE;
                if (field.getEnumType().findValueByNumber(location) == null) {
                    finding.add(new Result.UnknownFields(where));
                }
            } else if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
                if (!knownEnums(in, field, wireType)) {
                    finding.add(new Result.UnknownFields(where));
                }
            } else {
                // numbers, strings and a tensor's data (raw_data can be most of the file): skipped, never held
                skip(in, tag, field, wireType);
            }
        }
        if (external) {
            finding.add(new Result.ExternalData("tensor '" + printable(name) + "' in " + where));
        }
    }

    /** Whether protobuf's parser would take this wire type for the field (otherwise it keeps it as unknown). */
    private static boolean fits(FieldDescriptor field, int wireType) {
        return wireType == field.getLiteType().getWireType()
                || field.isRepeated() && field.isPackable() && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    /** Reads an enum (or a packed run of them); false if a value is not one the schema lists. */
    private static boolean knownEnums(CodedInputStream in, FieldDescriptor field, int wireType) throws IOException {
        if (wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            return field.getEnumType().findValueByNumber(in.readEnum()) != null;
        }
        int outer = in.pushLimit(in.readRawVarint32());
        boolean known = true;
        while (in.getBytesUntilLimit() > 0) {
            known &= field.getEnumType().findValueByNumber(in.readEnum()) != null;
        }
        in.popLimit(outer);
        return known;
    }

    /** Skips a field; a packed run is read value by value, so a malformed one is found as the parser would find it. */
    private static void skip(CodedInputStream in, int tag, FieldDescriptor field, int wireType) throws IOException {
        if (wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED || field.getLiteType().getWireType() == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            in.skipField(tag);
            return;
        }
        int length = in.readRawVarint32();
        int outer = in.pushLimit(length);
        switch (field.getLiteType().getWireType()) {
            case WireFormat.WIRETYPE_VARINT -> {
                while (in.getBytesUntilLimit() > 0) {
                    in.readRawVarint64();
                }
            }
            case WireFormat.WIRETYPE_FIXED32, WireFormat.WIRETYPE_FIXED64 -> {
                int size = field.getLiteType().getWireType() == WireFormat.WIRETYPE_FIXED32 ? 4 : 8;
                if (length % size != 0) {
                    throw new InvalidProtocolBufferException("a packed run that is not a whole number of values");
                }
                in.skipRawBytes(length);
            }
            default -> throw new InvalidProtocolBufferException("a packed field of an unpackable type");
        }
        in.popLimit(outer);
    }

    /** A name from the file: at most {@link #MAX_NAME_BYTES} bytes are read, the rest skipped. */
    private static String boundedString(CodedInputStream in) throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("a negative length");
        }
        byte[] head = in.readRawBytes(Math.min(length, MAX_NAME_BYTES));
        in.skipRawBytes(length - head.length);
        return printable(new String(head, StandardCharsets.UTF_8));
    }

    /** Names come from the file: no control characters, bounded length. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?").strip();
        return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME) + "…";
    }

    /**
     * The file as a stream whose skip moves the read position instead of reading: a tensor's data
     * is passed over without being read at all.
     */
    private static final class PositionalInput extends InputStream {
        private final FileChannel channel;
        private long position;

        PositionalInput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int read = channel.read(ByteBuffer.wrap(into, offset, length), position);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = Math.max(0, Math.min(count, channel.size() - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - position));
        }
    }
}
