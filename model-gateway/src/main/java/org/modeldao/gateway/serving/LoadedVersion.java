package org.modeldao.gateway.serving;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verified version loaded in the engine, with a fixed pool of predictors and a bounded
 * admission queue. Reference-counted: the registry holds one reference while the version is
 * servable and each request holds one while it runs, so retiring a version (revocation,
 * shutdown) frees its predictors and native model only after the last in-flight call.
 */
public final class LoadedVersion {

    private static final Logger log = LoggerFactory.getLogger(LoadedVersion.class);

    private final ApprovedVersion approved;
    private final ModelSignature signature;
    private final ZooModel<List<Tensor>, List<Tensor>> model;
    private final BlockingQueue<Predictor<List<Tensor>, List<Tensor>>> pool;
    private final List<Predictor<List<Tensor>, List<Tensor>>> predictors = new ArrayList<>();
    private final Semaphore admission;
    private final long predictorWaitMillis;
    private final AtomicInteger references = new AtomicInteger(1);

    LoadedVersion(ApprovedVersion approved, ModelSignature signature, ZooModel<List<Tensor>, List<Tensor>> model,
            ServingSettings settings) {
        this.approved = approved;
        this.signature = signature;
        this.model = model;
        this.pool = new ArrayBlockingQueue<>(settings.predictorsPerVersion());
        for (int i = 0; i < settings.predictorsPerVersion(); i++) {
            Predictor<List<Tensor>, List<Tensor>> predictor = model.newPredictor();
            predictors.add(predictor);
            pool.add(predictor);
        }
        this.admission = new Semaphore(settings.predictorsPerVersion() + settings.queueCapacityPerVersion());
        this.predictorWaitMillis = settings.queueTimeout().toMillis();
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

    /**
     * Runs one prediction. Refuses at once when the queue is full rather than waiting
     * without bound: a caller gets 503 + Retry-After, never a hang.
     */
    public List<Tensor> predict(List<Tensor> inputs) throws ServingException {
        if (!admission.tryAcquire()) {
            throw new ServingException.AtCapacity(approved.key() + " has a full request queue");
        }
        try {
            Predictor<List<Tensor>, List<Tensor>> predictor = pool.poll(predictorWaitMillis, TimeUnit.MILLISECONDS);
            if (predictor == null) {
                throw new ServingException.AtCapacity(approved.key() + " had no free predictor in time");
            }
            try {
                return predictor.predict(inputs);
            } finally {
                pool.add(predictor);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServingException.AtCapacity("interrupted while waiting for a predictor");
        } catch (TranslateException e) {
            throw new ServingException.EngineFailure(approved.key() + " failed to predict: " + e.getMessage(), e);
        } finally {
            admission.release();
        }
    }

    private void close() {
        predictors.forEach(Predictor::close);
        model.close();
        log.info("released {} ({} predictors and the native model closed)", approved.key(), predictors.size());
    }
}
