package io.supplements.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the operation does not declare is a 400 problem naming it. A misspelt filter
 * ({@code ?topc=}) would otherwise be ignored and answer with everything, and every made-up parameter
 * would make a page someone else's cache keeps again.
 */
public class UnknownParameterFilter {
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    void refuseUnknown(ContainerRequestContext context, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method, UnknownParameterFilter::queryParameters);
        for (String name : context.getUriInfo().getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw ProblemException.invalidParameter(
                        name,
                        allowed.isEmpty()
                                ? "this operation takes no query parameters"
                                : "not a parameter of this operation, which takes " + String.join(", ", allowed));
            }
        }
    }

    /** The names of the method's @QueryParam parameters, those of its @BeanParam types included. */
    static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            add(p, names);
            if (p.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        add(f, names);
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    private static void add(AnnotatedElement element, Set<String> names) {
        QueryParam q = element.getAnnotation(QueryParam.class);
        if (q != null) {
            names.add(q.value());
        }
    }
}
