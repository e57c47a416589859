package org.mutuality.shared.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Describes the API in the OpenAPI document: its name, bearer tokens from /api/v1/auth/token, and
 * schemas named after their module ({@link ModuleSchemaNames}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI mutualityApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Mutuality API")
                        .version("v1")
                        .description("JSON API of Mutuality. Get a token with POST /api/v1/auth/token and send it as"
                                + " 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * swagger-core's resolver of Java types into schemas, as springdoc would make it, but naming
     * schemas with {@link ModuleSchemaNames}. springdoc replaces its own resolver with a bean of the
     * same class; first in order, so that springdoc's converters (which unwrap {@code ResponseEntity}
     * and the like) are still asked before it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver moduleQualifiedModelResolver(ObjectProvider<SpringDocConfigProperties> springdoc) {
        // A context without the web layer (a module test) has no springdoc settings.
        SpringDocConfigProperties settings = springdoc.getIfAvailable();
        boolean openapi31 = settings != null && settings.isOpenapi31();
        return new ModelResolver(openapi31 ? Json31.mapper() : Json.mapper(), new ModuleSchemaNames())
                .openapi31(openapi31);
    }
}
