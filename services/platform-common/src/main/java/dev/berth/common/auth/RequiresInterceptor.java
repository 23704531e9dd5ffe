package dev.berth.common.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@Requires(Action.MANAGE)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RequiresInterceptor {

    @Inject
    CurrentPrincipal principal;

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        Requires requires = context.getMethod().getAnnotation(Requires.class);
        if (requires == null) {
            requires = context.getMethod().getDeclaringClass().getAnnotation(Requires.class);
        }
        principal.require(requires.value());
        return context.proceed();
    }
}
