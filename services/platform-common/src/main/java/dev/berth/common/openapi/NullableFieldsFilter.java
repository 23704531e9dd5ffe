package dev.berth.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says in the document what the answers do: a field a record does not require may be
 * {@code null} (AWS's shapes leave most fields out or empty). Without it, a client generated from
 * the document would refuse an answer with, say, no {@code rolloutStateReason} yet.
 */
@OpenApiFilter
public class NullableFieldsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().forEach(NullableFieldsFilter::allowNulls);
    }

    private static void allowNulls(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> allowing = new LinkedHashMap<>();
        properties.forEach((name, property) -> allowing.put(name, required.contains(name) ? property : nullable(property)));
        schema.setProperties(allowing);
        properties.values().forEach(NullableFieldsFilter::allowNulls);
    }

    private static Schema nullable(Schema property) {
        List<Schema.SchemaType> types = property.getType();
        if (types == null || types.isEmpty() || property.getRef() != null) {
            // a reference, or a combination of schemas: null is one more alternative
            return OASFactory.createSchema()
                    .addAnyOf(property)
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        if (!types.contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
        return property;
    }
}
