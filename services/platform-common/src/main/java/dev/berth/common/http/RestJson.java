package dev.berth.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The ObjectMapper that reads and writes API bodies: the application's, with the checks that
 * only input from callers needs ({@link NoNulCharacters}).
 */
@Provider
public class RestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    @Inject
    public RestJson(ObjectMapper application) {
        this.mapper = application.copy().registerModule(NoNulCharacters.module());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
