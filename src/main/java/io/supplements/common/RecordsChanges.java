package io.supplements.common;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a transactional write: what it changed is recorded (stored representations, change feed) as the
 * method's last statements, inside its transaction. Doing that at commit instead, in a
 * before-completion observer, ran SQL after the connection pool's own before-completion check.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RecordsChanges {}
