package org.partnergraph.security;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnergraph.common.CodedErrors;

/**
 * With {@code partnergraph.security.anonymous-reads=false} (PARTNERGRAPH_ANONYMOUS_READS) nothing is
 * public: every operation and every field resolver of the API needs a signed-in user with a role
 * (viewer or above), so there is no nested field or filter through which an anonymous caller still
 * reads. It runs inside {@code CodedErrorsInterceptor}, on everything that carries {@link CodedErrors}.
 */
@CodedErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class SignedInReads {

    private final Access access;
    private final boolean anonymousReads;

    SignedInReads(Access access, @ConfigProperty(name = "partnergraph.security.anonymous-reads") boolean anonymousReads) {
        this.access = access;
        this.anonymousReads = anonymousReads;
    }

    @AroundInvoke
    Object requireSignIn(InvocationContext context) throws Exception {
        if (!anonymousReads) {
            access.require(Roles.VIEWER);
        }
        return context.proceed();
    }
}
