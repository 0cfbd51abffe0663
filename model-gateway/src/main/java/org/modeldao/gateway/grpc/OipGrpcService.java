package org.modeldao.gateway.grpc;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.modeldao.gateway.decisions.DecisionLogUnavailableException;
import org.modeldao.gateway.grpc.v2.GRPCInferenceServiceGrpc;
import org.modeldao.gateway.grpc.v2.InferParameter;
import org.modeldao.gateway.grpc.v2.ModelInferRequest;
import org.modeldao.gateway.grpc.v2.ModelInferResponse;
import org.modeldao.gateway.grpc.v2.ModelMetadataRequest;
import org.modeldao.gateway.grpc.v2.ModelMetadataResponse;
import org.modeldao.gateway.grpc.v2.ModelReadyRequest;
import org.modeldao.gateway.grpc.v2.ModelReadyResponse;
import org.modeldao.gateway.grpc.v2.ServerLiveRequest;
import org.modeldao.gateway.grpc.v2.ServerLiveResponse;
import org.modeldao.gateway.grpc.v2.ServerMetadataRequest;
import org.modeldao.gateway.grpc.v2.ServerMetadataResponse;
import org.modeldao.gateway.grpc.v2.ServerReadyRequest;
import org.modeldao.gateway.grpc.v2.ServerReadyResponse;
import org.modeldao.gateway.inference.InferenceCall;
import org.modeldao.gateway.inference.InferenceOutcome;
import org.modeldao.gateway.inference.InferenceService;
import org.modeldao.gateway.oip.InputHeader;
import org.modeldao.gateway.oip.ModelDirectory;
import org.modeldao.gateway.oip.ModelMetadata;
import org.modeldao.gateway.oip.Provenance;
import org.modeldao.gateway.oip.ProtocolError;
import org.modeldao.gateway.policy.Caller;
import org.modeldao.gateway.serving.ServingException;
import org.modeldao.gateway.serving.Tensor;
import org.modeldao.gateway.tokens.TokenCallers;
import org.modeldao.gateway.tokens.TokenRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open Inference Protocol's {@code GRPCInferenceService}, a thin adapter like the REST
 * controller: the same directory, the same governed pipeline, the same refusals.
 *
 * <p>The server calls these methods on its network threads; the reads answer there (they only
 * look at in-memory state), while every {@code ModelInfer} is handed to the bounded worker pool
 * (token verification may fetch the key set, the model runs): a full pool refuses the call at
 * once with UNAVAILABLE instead of queueing without bound.
 */
final class OipGrpcService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(OipGrpcService.class);
    static final String BUSY = "the gateway's gRPC workers are all busy; retry shortly";

    private final InferenceService inference;
    private final ModelDirectory directory;
    private final TokenCallers callers;
    private final Executor workers;

    OipGrpcService(InferenceService inference, ModelDirectory directory, TokenCallers callers, Executor workers) {
        this.inference = inference;
        this.directory = directory;
        this.callers = callers;
        this.workers = workers;
    }

    @Override
    public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> out) {
        answer(out, ServerLiveResponse.newBuilder().setLive(true).build());
    }

    @Override
    public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> out) {
        answer(out, ServerReadyResponse.newBuilder().setReady(directory.serverReadiness().ready()).build());
    }

    @Override
    public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> out) {
        answer(out, ServerMetadataResponse.newBuilder().setName(ModelDirectory.SERVER_NAME)
                .setVersion(ModelDirectory.SERVER_VERSION).build());
    }

    @Override
    public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) {
        try {
            answer(out, ModelReadyResponse.newBuilder()
                    .setReady(directory.ready(request.getName(), versionOf(request.getVersion()))).build());
        } catch (ServingException e) {
            out.onError(GrpcStatuses.of(ProtocolError.of(e)));
        }
    }

    @Override
    public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> out) {
        ModelMetadata metadata;
        try {
            metadata = directory.metadata(request.getName(), versionOf(request.getVersion()));
        } catch (ServingException e) {
            out.onError(GrpcStatuses.of(ProtocolError.of(e)));
            return;
        }
        ModelMetadataResponse.Builder response = ModelMetadataResponse.newBuilder().setName(metadata.name())
                .addAllVersions(metadata.versions()).setPlatform(metadata.platform());
        metadata.inputs().forEach(t -> response.addInputs(tensor(t)));
        metadata.outputs().forEach(t -> response.addOutputs(tensor(t)));
        answer(out, response.build());
    }

    @Override
    public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> out) {
        CallOrigin origin = CallOrigin.current();
        Context context = Context.current();
        try {
            workers.execute(() -> {
                if (!context.isCancelled()) { // past its deadline or abandoned while it waited: nobody reads the answer
                    infer(request, origin, out);
                }
            });
        } catch (RejectedExecutionException e) {
            out.onError(GrpcStatuses.of(new ProtocolError(503, BUSY, null, 1)));
        }
    }

    private void infer(ModelInferRequest request, CallOrigin origin, StreamObserver<ModelInferResponse> out) {
        ModelInferResponse response;
        try {
            response = served(request, origin);
        } catch (StatusRuntimeException e) {
            send(out, e);
            return;
        } catch (RuntimeException e) {
            log.error("unexpected failure of a gRPC inference", e);
            send(out, GrpcStatuses.of(ProtocolError.of(500, "internal error")));
            return;
        }
        answer(out, response);
    }

    private ModelInferResponse served(ModelInferRequest request, CallOrigin origin) {
        InferenceOutcome outcome;
        try {
            Caller caller = callers.callerOf(origin.authorization(), origin.remoteAddress());
            outcome = inference.infer(new InferenceCall(request.getModelName(), versionOf(request.getModelVersion()),
                    request.getId(), caller, TensorContents.inputs(request), requestedOutputs(request),
                    purposeOf(request.getParametersMap())));
        } catch (TokenRefusedException e) {
            inference.refusedBeforeTheCall(request.getModelName(), versionOf(request.getModelVersion()), e.status());
            throw GrpcStatuses.of(ProtocolError.of(e.status(), e.getMessage()));
        } catch (InputHeader.Malformed e) { // thrown reading the request, before the call
            inference.refusedBeforeTheCall(request.getModelName(), versionOf(request.getModelVersion()), 400);
            throw GrpcStatuses.of(ProtocolError.of(400, e.getMessage()));
        } catch (DecisionLogUnavailableException e) {
            // the call may have run, but it is not answered unless it is recorded
            throw GrpcStatuses.of(ProtocolError.of(503, e.getMessage()));
        }
        if (!(outcome instanceof InferenceOutcome.Served served)) {
            throw GrpcStatuses.of(ProtocolError.of(outcome));
        }
        ModelInferResponse.Builder response = ModelInferResponse.newBuilder()
                .setModelName(served.version().model()).setModelVersion(served.version().version())
                .setId(request.getId());
        Provenance.of(served.version()).forEach((key, value) -> response.putParameters(key, parameter(value)));
        boolean raw = request.getRawInputContentsCount() > 0; // answer in the form asked in, as the specification suggests
        for (Tensor output : served.outputs()) {
            ModelInferResponse.InferOutputTensor.Builder tensor = TensorContents.header(output);
            if (raw) {
                response.addRawOutputContents(TensorContents.raw(output));
            } else {
                tensor.setContents(TensorContents.typed(output));
            }
            response.addOutputs(tensor);
        }
        return response.build();
    }

    private static List<String> requestedOutputs(ModelInferRequest request) {
        return request.getOutputsList().stream().map(output -> {
            if (output.getName().isBlank()) {
                throw new InputHeader.Malformed("every requested output needs a name");
            }
            return output.getName();
        }).toList();
    }

    /** The declared purpose, whatever type the client gave the parameter (REST takes any JSON value's text). */
    private static String purposeOf(Map<String, InferParameter> parameters) {
        InferParameter purpose = parameters.get("purpose");
        if (purpose == null) {
            return null;
        }
        return switch (purpose.getParameterChoiceCase()) {
            case STRING_PARAM -> purpose.getStringParam();
            case BOOL_PARAM -> Boolean.toString(purpose.getBoolParam());
            case INT64_PARAM -> Long.toString(purpose.getInt64Param());
            case UINT64_PARAM -> Long.toUnsignedString(purpose.getUint64Param());
            case DOUBLE_PARAM -> Double.toString(purpose.getDoubleParam());
            case PARAMETERCHOICE_NOT_SET -> null;
        };
    }

    static InferParameter parameter(Object value) {
        InferParameter.Builder parameter = InferParameter.newBuilder();
        return switch (value) {
            case Boolean b -> parameter.setBoolParam(b).build();
            case Long l -> parameter.setInt64Param(l).build();
            case Integer i -> parameter.setInt64Param(i).build();
            case Double d -> parameter.setDoubleParam(d).build();
            default -> parameter.setStringParam(String.valueOf(value)).build();
        };
    }

    /** OIP: an empty version is the DAO's current version. */
    private static String versionOf(String version) {
        return version == null || version.isEmpty() ? null : version;
    }

    private static ModelMetadataResponse.TensorMetadata tensor(ModelMetadata.TensorMetadata t) {
        return ModelMetadataResponse.TensorMetadata.newBuilder().setName(t.name()).setDatatype(t.datatype())
                .addAllShape(t.shape()).build();
    }

    private static <T> void answer(StreamObserver<T> out, T response) {
        try {
            out.onNext(response);
            out.onCompleted();
        } catch (StatusRuntimeException cancelled) {
            // the client went away while the call ran; its decision is recorded, nobody reads the answer
        }
    }

    private static void send(StreamObserver<?> out, StatusRuntimeException status) {
        try {
            out.onError(status);
        } catch (StatusRuntimeException cancelled) {
            // the client went away
        }
    }
}
