package dev.berth.scheduler;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read as they are meant, never guessed at: an unknown field (a typo such as
 * {@code memroy}) is refused rather than dropped or stored, a fraction is no whole number
 * ({@code memory: 64.5}), and nothing may follow the JSON document. The errors name the field
 * ({@link dev.berth.common.error.JsonProblem}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
