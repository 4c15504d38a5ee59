package io.supplements.sync;

import io.supplements.common.RecordsChanges;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs inside the write's transaction (after {@code @Transactional}, whose priority is lower): see {@link RecordsChanges}. */
@RecordsChanges
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class ChangeRecording {
    @Inject
    ChangeRecorder recorder;

    @AroundInvoke
    Object recordAfter(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        recorder.recordPending();
        return result;
    }
}
