package org.modeldao.gateway.serving;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verified version loaded in the engine, with a fixed pool of predictors and a bounded
 * admission queue ({@link PredictorPool}, which also stacks waiting calls when batching is on).
 * Reference-counted: the registry holds one reference while the version is servable and each
 * request holds one while it runs or waits in the queue, so retiring a version (revocation,
 * quarantine, hot swap, shutdown) frees its predictors and native model only after the last
 * in-flight or queued call.
 */
public final class LoadedVersion {

    private static final Logger log = LoggerFactory.getLogger(LoadedVersion.class);
    /** No row limit of its own: the queue bounds a run. */
    private static final int UNLIMITED_ROWS = Integer.MAX_VALUE;

    private final ApprovedVersion approved;
    private final ModelSignature signature;
    private final ZooModel<List<Tensor>, List<Tensor>> model;
    private final List<Predictor<List<Tensor>, List<Tensor>>> predictors = new ArrayList<>();
    private final PredictorPool pool;
    private final AtomicInteger references = new AtomicInteger(1);

    LoadedVersion(ApprovedVersion approved, ModelSignature signature, ZooModel<List<Tensor>, List<Tensor>> model,
            ServingSettings settings, BatchMeter batches) {
        this.approved = approved;
        this.signature = signature;
        this.model = model;
        for (int i = 0; i < settings.predictorsPerVersion(); i++) {
            predictors.add(model.newPredictor());
        }
        this.pool = new PredictorPool(approved.key().toString(), signature, predictors, settings, batches);
    }

    public ApprovedVersion approved() {
        return approved;
    }

    public ModelSignature signature() {
        return signature;
    }

    /** Takes a reference for one call; false once the version has been fully released. */
    boolean retain() {
        while (true) {
            int current = references.get();
            if (current == 0) {
                return false;
            }
            if (references.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            close();
        }
    }

    public boolean released() {
        return references.get() == 0;
    }

    /** Runs one prediction, without a row limit of its own on a shared engine run. */
    public List<Tensor> predict(List<Tensor> inputs) throws ServingException {
        return predict(inputs, UNLIMITED_ROWS);
    }

    /**
     * Runs one prediction, stacked with calls waiting at the same time when batching is on, in
     * runs of at most {@code maxRows} rows (the voted maximum batch size). Refuses at once when
     * the queue is full, and after the queue timeout when no predictor came free, rather than
     * waiting without bound: a caller gets 503 + Retry-After, never a hang.
     */
    public List<Tensor> predict(List<Tensor> inputs, int maxRows) throws ServingException {
        return pool.predict(inputs, maxRows);
    }

    /** Whether calls to this version share engine runs (batching on and a signature with free batch dimensions). */
    public boolean batching() {
        return pool.stacking();
    }

    private void close() {
        predictors.forEach(Predictor::close);
        model.close();
        log.info("released {} ({} predictor{} and the native model closed)", approved.key(), predictors.size(),
                predictors.size() == 1 ? "" : "s");
    }
}
